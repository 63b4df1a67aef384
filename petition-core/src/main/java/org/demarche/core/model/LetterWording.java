package org.demarche.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything around a letter's body, worded in the letter's language: the letterhead, the recipient
 * block (the mission's local name and address where known), the opening word, the closing's lines and
 * where each goes, the signature block, and the language's conventions (page numbers, draft banner,
 * running header).
 *
 * @param letterhead the sender's name, address lines, web and email
 * @param recipient the addressee, title, "via" line and the mission's address lines
 * @param opening an opening word set above the body (謹啓), if the language uses one
 * @param closing the closing's lines with their placement
 * @param signature the signer's name, title and organization
 * @param conventions the language's conventions these were worded by
 */
public record LetterWording(List<String> letterhead, List<String> recipient, Optional<String> opening,
    List<ClosingLine> closing, List<String> signature, LetterConventions conventions) {

  /** Front-matter keys that give a translation's own names for the people and the organization. */
  public static final List<String> NAME_KEYS = List.of("sender", "senderAddress", "addressee", "addresseeTitle",
      "signer", "signerTitle");

  public LetterWording {
    letterhead = Values.list(letterhead, "letterhead").stream().map(l -> Values.line(l, "letterhead")).toList();
    recipient = Values.list(recipient, "recipient").stream().map(l -> Values.line(l, "recipient")).toList();
    Objects.requireNonNull(opening, "opening");
    opening = opening.filter(o -> !o.isBlank()).map(o -> Values.line(o, "opening"));
    closing = List.copyOf(closing);
    signature = Values.list(signature, "signature").stream().map(l -> Values.line(l, "signature")).toList();
    Objects.requireNonNull(conventions, "conventions");
  }

  /**
   * A closing line.
   *
   * @param text the words
   * @param placement start (flush left), indent (two characters in) or right (flush right)
   */
  public record ClosingLine(String text, String placement) {
    public ClosingLine {
      text = Values.line(text, "closing");
      if (!List.of("start", "indent", "right").contains(placement)) {
        throw new IllegalArgumentException("closing placement must be start, indent or right, not " + placement);
      }
    }
  }

  /**
   * The wording of a letter in {@code conventions}' language.
   *
   * @param names the translation's own names by {@link #NAME_KEYS} key (empty: the campaign's)
   */
  public static LetterWording of(Sender sender, DiplomaticMission mission, Addressee addressee, Signer signer,
      String closing, LetterConventions conventions, Map<String, String> names) {
    List<String> head = new ArrayList<>();
    head.add(names.getOrDefault("sender", sender.name()));
    if (names.containsKey("senderAddress")) {
      head.add(names.get("senderAddress"));
    } else {
      head.addAll(sender.address().printedLines());
    }
    sender.web().ifPresent(u -> head.add(u.toString()));
    head.add(sender.email());
    List<String> recipient = new ArrayList<>();
    recipient.add(names.getOrDefault("addressee", addressee.name()));
    recipient.add(names.getOrDefault("addresseeTitle", addressee.title()));
    recipient.add(conventions.via(conventions.missionName(mission)));
    recipient.addAll(conventions.missionAddress(mission));
    List<String> placement = conventions.closingPlacement();
    List<ClosingLine> lines = new ArrayList<>();
    String[] words = placement.size() > 1 ? closing.strip().split("\\s+", placement.size()) : new String[] {closing};
    for (int i = 0; i < words.length; i++) {
      lines.add(new ClosingLine(words[i], placement.get(Math.min(i, placement.size() - 1))));
    }
    String signerName = names.getOrDefault("signer", signer.name());
    List<String> signature = new ArrayList<>();
    signature.add(signerName);
    Optional<String> title = names.containsKey("signerTitle") ? Optional.of(names.get("signerTitle")) : signer.title();
    title.ifPresent(signature::add);
    String senderName = names.getOrDefault("sender", sender.name());
    if (!signerName.equals(senderName) && !signer.name().equals(sender.name())) {
      signature.add(senderName);
    }
    String opening = conventions.get("opening");
    return new LetterWording(head, recipient, opening.isBlank() ? Optional.empty() : Optional.of(opening), lines,
        signature, conventions);
  }
}
