package org.demarche.core.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The petition made personal for one recipient: every template filled in, ready to render.
 *
 * @param id the letter's id within its campaign (the mission id, or a supporter letter's id)
 * @param campaignId the campaign's id
 * @param sender the organization on the letterhead
 * @param mission the mission the letter goes to (the addressee is reached "via" it)
 * @param addressee the addressee
 * @param language BCP 47 tag of the text
 * @param date the letter's date
 * @param dateLine the date as printed, formatted for the language
 * @param subject the subject line
 * @param salutation the greeting line
 * @param paragraphs the body's paragraphs
 * @param closing the complimentary close
 * @param signer who signs it
 * @param coSignatories co-signatories for the appendix (possibly none)
 * @param disclosureCap the most any co-signatory may be shown
 * @param draftTranslation true when this is a translation awaiting the NGO's review
 * @param replyTo where replies go when not to the sender (a supporter's own address)
 * @param wording the letterhead, recipient block, opening, closing and signature in the letter's language
 */
public record Letter(
    String id, String campaignId, Sender sender, DiplomaticMission mission, Addressee addressee, String language,
    LocalDate date, String dateLine, String subject, String salutation, List<String> paragraphs, String closing,
    Signer signer, Signatories coSignatories, Disclosure disclosureCap, boolean draftTranslation,
    Optional<String> replyTo, LetterWording wording) {

  /** A letter worded by its language's bundled conventions, with the campaign's own names. */
  public Letter(
      String id, String campaignId, Sender sender, DiplomaticMission mission, Addressee addressee, String language,
      LocalDate date, String dateLine, String subject, String salutation, List<String> paragraphs, String closing,
      Signer signer, Signatories coSignatories, Disclosure disclosureCap, boolean draftTranslation,
      Optional<String> replyTo) {
    this(id, campaignId, sender, mission, addressee, language, date, dateLine, subject, salutation, paragraphs,
        closing, signer, coSignatories, disclosureCap, draftTranslation, replyTo,
        LetterWording.of(sender, mission, addressee, signer, closing, LetterConventions.of(language), Map.of()));
  }

  public Letter {
    id = Values.id(id, "letter.id");
    campaignId = Values.id(campaignId, "campaign id");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(mission, "mission");
    Objects.requireNonNull(addressee, "addressee");
    language = Values.language(language, "language");
    Objects.requireNonNull(date, "date");
    dateLine = Values.line(dateLine, "dateLine");
    subject = Values.line(subject, "subject");
    salutation = Values.line(salutation, "salutation");
    paragraphs = Values.list(paragraphs, "paragraphs").stream().map(p -> Values.text(p, "paragraph")).toList();
    if (paragraphs.isEmpty()) {
      throw new IllegalArgumentException("a letter needs at least one paragraph");
    }
    closing = Values.line(closing, "closing");
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(coSignatories, "coSignatories");
    Objects.requireNonNull(disclosureCap, "disclosureCap");
    Objects.requireNonNull(replyTo, "replyTo");
    replyTo = replyTo.map(r -> Values.email(r, "replyTo"));
    Objects.requireNonNull(wording, "wording");
  }

  /** The recipient block: the addressee, "via" the mission, and the mission's postal address lines. */
  public List<String> recipientBlock() {
    return wording.recipient();
  }

  /** The signature block under the closing: the signer's name, title, and the sending organization. */
  public List<String> signatureBlock() {
    return wording.signature();
  }

  /**
   * The letter's words in reading order, one block per line, paragraphs separated by blank lines:
   * what a PDF's extracted text and an email's plain-text body both carry.
   */
  public String plainText() {
    StringBuilder out = new StringBuilder();
    out.append(dateLine).append("\n\n");
    recipientBlock().forEach(l -> out.append(l).append('\n'));
    out.append('\n').append(subject).append("\n\n").append(salutation).append("\n\n");
    wording.opening().ifPresent(o -> out.append(o).append("\n\n"));
    out.append(LetterMarkdown.plainText(String.join("\n\n", paragraphs))).append("\n\n");
    for (LetterWording.ClosingLine c : wording.closing()) {
      out.append(c.placement().equals("indent") ? "\u3000\u3000" : "").append(c.text()).append('\n');
    }
    out.append('\n');
    signatureBlock().forEach(l -> out.append(l).append('\n'));
    return out.toString();
  }
}
