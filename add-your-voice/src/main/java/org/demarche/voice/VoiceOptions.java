package org.demarche.voice;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.demarche.core.letters.LetterTemplate;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Problem;
import org.demarche.core.model.Settings;

/**
 * How a campaign treats supporters' own letters: its {@code delivery.voice} section.
 *
 * <pre>
 * delivery:
 *   voice:
 *     mode: drafts               # drafts (default: nothing is sent for them) or on-behalf
 *     personalParagraph: encourage   # optional (default), encourage or require
 *     minParagraphLength: 120    # characters a personal paragraph should have (default 80 when encouraged or required)
 *     dailyCapPerMission: 50     # on-behalf: at most this many supporter letters per mission per day (default 50)
 *     digest: true               # on-behalf: one email per mission per day, that day's letters attached
 *     zone: Asia/Tokyo           # the time zone whose calendar days the cap and digests count (default UTC)
 *     nearDuplicateThreshold: 0.8    # Jaccard similarity over word 3-shingles from which two paragraphs are near-duplicates
 *     mailtoMaxLength: 2000      # longest mailto: link written (characters); longer bodies are shortened
 *     body: letter.voice.en.md   # the text a supporter signs (default: the petition's own body)
 * </pre>
 *
 * @param mode whether letters are only prepared (drafts) or also sent by the NGO on the supporters' behalf
 * @param paragraphPolicy what a missing or short personal paragraph means
 * @param minParagraphLength the shortest personal paragraph (in characters) the policy accepts
 * @param dailyCapPerMission at most this many supporter letters per mission per calendar day when sending
 * @param digest when sending, bundle a mission's letters of a day into one email
 * @param zone the time zone of the calendar day
 * @param nearDuplicateThreshold see {@link ParagraphSimilarity}
 * @param mailtoMaxLength the longest {@code mailto:} link, see {@link Mailto}
 * @param body the body template of supporters' letters, written in a supporter's own voice (a file beside the
 *     campaign); empty: the petition's body
 */
public record VoiceOptions(Mode mode, ParagraphPolicy paragraphPolicy, int minParagraphLength, int dailyCapPerMission,
    boolean digest, ZoneId zone, double nearDuplicateThreshold, int mailtoMaxLength, Optional<String> body) {

  /** Whether the NGO sends supporters' letters itself. */
  public enum Mode {
    /** Supporters get their letter (rendered document, email draft, mailto link) and send it themselves; nothing is sent. */
    DRAFTS,
    /** The NGO sends each letter from its own address with the supporter as Reply-To. */
    ON_BEHALF
  }

  /** What a campaign asks of supporters' personal paragraphs. */
  public enum ParagraphPolicy {
    /** A personal paragraph is welcome, not needed. */
    OPTIONAL,
    /** A missing or short paragraph is reported as a warning; the letter is still made. */
    ENCOURAGE,
    /** A missing or short paragraph is a problem: no letter is made for that supporter. */
    REQUIRE
  }

  /** Checks every option's range. */
  public VoiceOptions {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(paragraphPolicy, "paragraphPolicy");
    if (minParagraphLength < 0 || minParagraphLength > 5000) {
      throw new IllegalArgumentException("minParagraphLength must be between 0 and 5000, not " + minParagraphLength);
    }
    if (dailyCapPerMission < 1) {
      throw new IllegalArgumentException("dailyCapPerMission must be 1 or more, not " + dailyCapPerMission);
    }
    Objects.requireNonNull(zone, "zone");
    if (!(nearDuplicateThreshold > 0 && nearDuplicateThreshold <= 1)) {
      throw new IllegalArgumentException("nearDuplicateThreshold must be above 0 and at most 1, not "
          + nearDuplicateThreshold);
    }
    Objects.requireNonNull(body, "body");
    if (mailtoMaxLength < Mailto.MIN_LENGTH) {
      throw new IllegalArgumentException("mailtoMaxLength must be at least " + Mailto.MIN_LENGTH + ", not "
          + mailtoMaxLength);
    }
  }

  /** Drafts only, paragraph optional, cap 50, no digest, UTC, threshold 0.8, mailto links up to 2,000 characters. */
  public static VoiceOptions defaults() {
    return new VoiceOptions(Mode.DRAFTS, ParagraphPolicy.OPTIONAL, 0, 50, false, ZoneOffset.UTC,
        ParagraphSimilarity.DEFAULT_THRESHOLD, Mailto.DEFAULT_MAX_LENGTH, Optional.empty());
  }

  /**
   * Reads a {@code delivery.voice} section (absent: {@link #defaults()}), bound to its settings record by
   * {@link Settings#bind}; the body file, if named, is read and its template checked.
   *
   * @throws InvalidInputException with every bad value, located where it was written
   */
  public static VoiceOptions from(Settings s) {
    VoiceSection section = s.bind(VoiceSection.class);
    List<Problem> problems = new ArrayList<>();
    Optional<String> body = section.body().flatMap(file -> body(s, file, problems));
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return section.options(body);
  }

  /** Reads and checks a supporters' body template beside the campaign; its problems name that file and line. */
  private static Optional<String> body(Settings s, java.nio.file.Path path, List<Problem> problems) {
    String file = s.baseDir().toAbsolutePath().normalize().relativize(path.toAbsolutePath().normalize()).toString();
    if (!java.nio.file.Files.isRegularFile(path)) {
      problems.add(s.problem("body", "names the file '" + file + "', which does not exist beside the campaign file"));
      return Optional.empty();
    }
    Optional<String> read = org.demarche.core.files.Utf8Input.readText(path, path.toString(), problems);
    if (read.isEmpty()) {
      return Optional.empty();
    }
    String text = read.get().replace("\r\n", "\n");
    if (text.isBlank()) {
      problems.add(s.problem("body", "the file '" + file + "' is empty"));
      return Optional.empty();
    }
    int before = problems.size();
    LetterTemplate.compile(text, path.toString(), 1, s.section() + ".body", problems);
    return problems.size() == before ? Optional.of(text) : Optional.empty();
  }
}
