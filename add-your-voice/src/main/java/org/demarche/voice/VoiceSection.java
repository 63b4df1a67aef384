package org.demarche.voice;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import org.demarche.core.model.Values;
import org.demarche.voice.VoiceOptions.Mode;
import org.demarche.voice.VoiceOptions.ParagraphPolicy;

/**
 * The {@code delivery.voice} section of a campaign file, as {@link org.demarche.core.model.Settings#bind}
 * reads it: each component is a key (see {@link VoiceOptions} for their meaning). Absent keys take
 * {@link VoiceOptions#defaults()}; the body file's template is checked by {@link VoiceOptions#from}, which
 * locates its problems in that file.
 */
record VoiceSection(Optional<Mode> mode, Optional<ParagraphPolicy> personalParagraph,
    Optional<Integer> minParagraphLength, Optional<Integer> dailyCapPerMission, Optional<Boolean> digest,
    Optional<String> zone, Optional<Double> nearDuplicateThreshold, Optional<Integer> mailtoMaxLength,
    Optional<Path> body) {
  VoiceSection {
    Optional<Integer> min = minParagraphLength;
    Optional<Integer> cap = dailyCapPerMission;
    Optional<Integer> mailto = mailtoMaxLength;
    Optional<Double> threshold = nearDuplicateThreshold;
    Optional<String> z = zone;
    boolean bundles = digest.orElse(false);
    boolean onBehalf = mode.orElse(Mode.DRAFTS) == Mode.ON_BEHALF;
    Values.checkAll(
        () -> min.ifPresent(n -> range("minParagraphLength", n, 0, 5000)),
        () -> cap.ifPresent(n -> range("dailyCapPerMission", n, 1, 100_000)),
        () -> mailto.ifPresent(n -> range("mailtoMaxLength", n, Mailto.MIN_LENGTH, 100_000)),
        () -> threshold.ifPresent(t -> {
          if (!(t > 0 && t <= 1)) {
            throw new IllegalArgumentException("nearDuplicateThreshold must be a number above 0 and at most 1, such"
                + " as 0.8, not '" + t + "'");
          }
        }),
        () -> z.ifPresent(VoiceSection::zoneOf),
        () -> {
          if (bundles && !onBehalf) {
            throw new IllegalArgumentException("digest bundles letters the NGO sends: it needs mode: on-behalf");
          }
        });
  }

  /** The options: these settings over the defaults; the body template's text is given by the caller. */
  VoiceOptions options(Optional<String> bodyText) {
    VoiceOptions d = VoiceOptions.defaults();
    ParagraphPolicy policy = personalParagraph.orElse(d.paragraphPolicy());
    return new VoiceOptions(mode.orElse(d.mode()), policy,
        minParagraphLength.orElse(policy == ParagraphPolicy.OPTIONAL ? 0 : 80),
        dailyCapPerMission.orElse(d.dailyCapPerMission()), digest.orElse(false), zone.map(VoiceSection::zoneOf)
        .orElse(d.zone()), nearDuplicateThreshold.orElse(d.nearDuplicateThreshold()),
        mailtoMaxLength.orElse(d.mailtoMaxLength()), bodyText);
  }

  private static ZoneId zoneOf(String z) {
    try {
      return ZoneId.of(z);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("zone must be a time zone such as Asia/Tokyo or UTC, not '" + z + "'");
    }
  }

  private static void range(String key, int n, int min, int max) {
    if (n < min || n > max) {
      throw new IllegalArgumentException(key + " must be a whole number from " + min + " to " + max + ", not '" + n
          + "'");
    }
  }
}
