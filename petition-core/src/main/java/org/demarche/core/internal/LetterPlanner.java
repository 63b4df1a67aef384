package org.demarche.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.Letter;
import org.demarche.core.model.LetterData;
import org.demarche.core.model.Petition;
import org.demarche.core.model.Problem;
import org.demarche.core.model.Signer;

/** Makes a campaign's petition personal for each mission: fills every template once per letter. */
public final class LetterPlanner {
  private final Campaign campaign;
  private final long signatoryCount;
  private final Map<String, LetterTemplate> compiled = new java.util.concurrent.ConcurrentHashMap<>();

  public LetterPlanner(Campaign campaign) {
    this.campaign = campaign;
    this.signatoryCount = campaign.signatories().count();
  }

  /** The letter to {@code mission} in {@code language} (the petition's own or a translation's). */
  public Letter letter(DiplomaticMission mission, String language) {
    return letter(mission, language, campaign.petition().signedBy(), mission.id(), Optional.empty(), List.of());
  }

  /**
   * A letter with its own signer and id, e.g. a supporter's own letter, with {@code extraParagraphs}
   * (a personal paragraph) placed before the closing.
   */
  public Letter letter(DiplomaticMission mission, String language, Signer signer, String letterId,
      Optional<String> replyTo, List<String> extraParagraphs) {
    return letter(mission, language, signer, letterId, replyTo, extraParagraphs, Optional.empty());
  }

  /** Like {@link #letter(DiplomaticMission, String, Signer, String, Optional, List)} with another body template. */
  public Letter letter(DiplomaticMission mission, String language, Signer signer, String letterId,
      Optional<String> replyTo, List<String> extraParagraphs, Optional<String> bodyTemplate) {
    Petition p = campaign.petition();
    Map<String, Object> data = LetterData.of(campaign, mission, signer, language, signatoryCount);
    String subject;
    String salutation;
    String body;
    String closing;
    boolean draft;
    if (language.equals(p.language())) {
      subject = p.subject();
      salutation = p.addressee().salutation();
      body = p.body();
      closing = p.closing();
      draft = false;
    } else {
      Petition.Translation t = p.translations().get(language);
      if (t == null) {
        throw new IllegalArgumentException("the petition has no " + language + " text");
      }
      subject = t.subject();
      salutation = t.salutation();
      body = t.body();
      closing = t.closing();
      draft = t.draft();
    }
    List<String> paragraphs = new ArrayList<>(paragraphs(fill(bodyTemplate.orElse(body), data)));
    paragraphs.addAll(extraParagraphs);
    return new Letter(letterId, campaign.id(), campaign.sender(), mission, p.addressee(), language, p.date(),
        LetterData.formatDate(p.date(), language), oneLine(fill(subject, data)), oneLine(fill(salutation, data)),
        paragraphs, closing, signer, campaign.signatories(), campaign.disclosureCap(), draft, replyTo);
  }

  private String fill(String template, Map<String, Object> data) {
    LetterTemplate t = compiled.computeIfAbsent(template, source -> {
      List<Problem> problems = new ArrayList<>();
      LetterTemplate c = LetterTemplate.compile(source, "template", 1, "template", problems);
      if (c == null) {
        // Templates are checked when the campaign loads; reaching this means a campaign built in code.
        throw new IllegalArgumentException(problems.get(0).message());
      }
      return c;
    });
    return t.render(data);
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  /** Joins wrapped lines: with a space, except between two characters of scripts written without spaces. */
  private static String joinLines(String[] lines) {
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      if (out.length() > 0 && !line.isEmpty()) {
        int before = out.codePointBefore(out.length());
        int after = line.codePointAt(0);
        if (!(noSpaceScript(before) && noSpaceScript(after))) {
          out.append(' ');
        }
      }
      out.append(line);
    }
    return out.toString();
  }

  private static boolean noSpaceScript(int cp) {
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
  }

  /** Paragraphs are separated by blank lines; the lines of one paragraph are joined with spaces. */
  static List<String> paragraphs(String text) {
    List<String> out = new ArrayList<>();
    for (String block : text.replace("\r\n", "\n").split("\n\\s*\n")) {
      String joined = joinLines(block.strip().split("[ \\t]*\n[ \\t]*"));
      if (!joined.isEmpty()) {
        out.add(joined);
      }
    }
    return out;
  }
}
