package org.demarche.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The in-process pace on a fake clock. */
class PaceTest {
  private long now = 5_000_000_000L;
  private final Pace pace = Pace.inProcess(() -> now);

  @Test
  void eachSlotUnderAKeyComesOneSpacingAfterTheLast() {
    assertThat(pace.take("smtp", Duration.ofSeconds(10), Duration.ZERO)).isZero();
    assertThat(pace.take("smtp", Duration.ofSeconds(10), Duration.ZERO)).isEqualTo(Duration.ofSeconds(10));
    assertThat(pace.take("smtp", Duration.ofSeconds(10), Duration.ZERO)).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void keysArePacedApart() {
    pace.take("smtp domain a.example.org", Duration.ofSeconds(30), Duration.ZERO);
    assertThat(pace.take("smtp domain b.example.org", Duration.ofSeconds(30), Duration.ZERO)).isZero();
  }

  @Test
  void timeThatPassedIsNotWaitedAgain() {
    pace.take("smtp", Duration.ofSeconds(10), Duration.ZERO);
    now += Duration.ofSeconds(7).toNanos();
    assertThat(pace.take("smtp", Duration.ofSeconds(10), Duration.ZERO)).isEqualTo(Duration.ofSeconds(3));
    now += Duration.ofSeconds(60).toNanos();
    assertThat(pace.take("smtp", Duration.ofSeconds(10), Duration.ZERO)).isZero();
  }

  @Test
  void aSlotNotBeforeADelayMovesTheNextOneOnToo() {
    assertThat(pace.take("smtp", Duration.ofSeconds(1), Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
    assertThat(pace.take("smtp", Duration.ofSeconds(1), Duration.ZERO)).isEqualTo(Duration.ofSeconds(31));
  }

  @Test
  void aNegativeSpacingIsRefused() {
    assertThatThrownBy(() -> pace.take("smtp", Duration.ofSeconds(-1), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aJournalThatSaysNothingPacesInThisProcess() {
    DeliveryJournal journal = new DeliveryJournal() {
      @Override
      public java.util.Map<String, org.demarche.core.model.LetterStatus> statuses() {
        return java.util.Map.of();
      }

      @Override
      public void record(org.demarche.core.model.JournalEntry entry) {}

      @Override
      public void close() {}
    };
    Pace p = journal.pace();
    assertThat(p.take("smtp", Duration.ofHours(1), Duration.ZERO)).isZero();
    assertThat(p.take("smtp", Duration.ofHours(1), Duration.ZERO)).isGreaterThan(Duration.ofMinutes(59));
  }
}
