package org.demarche.deliver.email.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The throttle with a fake clock: sleeping advances time, nothing really waits. */
class ThrottleTest {
  private long now = 1_000_000_000L;
  private final List<Duration> sleeps = new ArrayList<>();

  private Throttle throttle(int perMinute, int perDomain) {
    return new Throttle(perMinute, perDomain, () -> now, d -> {
      sleeps.add(d);
      now += d.toNanos();
    });
  }

  @Test
  void spacesMessagesEvenlyAtTheChannelRate() throws Exception {
    Throttle t = throttle(6, 0);
    for (int i = 0; i < 4; i++) {
      t.await("example.org");
    }
    assertThat(sleeps).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10));
  }

  @Test
  void theFirstMessageGoesAtOnce() throws Exception {
    assertThat(throttle(6, 2).await("example.org")).isZero();
    assertThat(sleeps).isEmpty();
  }

  @Test
  void oneDomainWaitsLongerThanTheChannelRate() throws Exception {
    Throttle t = throttle(60, 2);
    t.await("consulate.example.org");
    t.await("consulate.example.org");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void otherDomainsGoAtTheChannelRateMeanwhile() throws Exception {
    Throttle t = throttle(60, 2);
    t.await("a.example.org");
    t.await("b.example.org");
    t.await("c.example.org");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void domainsAreComparedWithoutCase() throws Exception {
    Throttle t = throttle(0, 1);
    t.await("Consulate.Example.org");
    t.await("consulate.example.ORG");
    assertThat(sleeps).containsExactly(Duration.ofMinutes(1));
  }

  @Test
  void timeAlreadyPassedIsNotWaitedAgain() throws Exception {
    Throttle t = throttle(6, 0);
    t.await("example.org");
    now += Duration.ofSeconds(7).toNanos();
    t.await("example.org");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void zeroSwitchesLimitsOff() throws Exception {
    Throttle t = throttle(0, 0);
    for (int i = 0; i < 100; i++) {
      t.await("example.org");
    }
    assertThat(t.off()).isTrue();
    assertThat(sleeps).isEmpty();
  }

  @Test
  void eachWaitIsAnnouncedBeforeItBeginsWithTheLimitThatHoldsTheMessageBack() throws Exception {
    Throttle t = throttle(6, 2);
    List<String> told = new ArrayList<>();
    Throttle.Announcer announcer = (reason, wait) -> told.add(reason + " for " + wait.toSeconds() + " s after "
        + sleeps.size() + " sleeps");
    t.await("consulate.example.org", announcer);
    t.await("other.example.org", announcer);
    t.await("Consulate.example.org", announcer);
    assertThat(told).containsExactly("the limit of 6 messages a minute for 10 s after 0 sleeps",
        "the per-domain limit of consulate.example.org (2 a minute) for 20 s after 1 sleeps");
  }

  @Test
  void twoThrottlesOnOnePaceKeepTheChannelRateBetweenThem() throws Exception {
    org.demarche.core.spi.Pace shared = org.demarche.core.spi.Pace.inProcess(() -> now);
    Throttle.Sleeper fake = d -> sleeps.add(d);
    Throttle one = new Throttle(6, 0, shared, "smtp 127.0.0.1:25", fake);
    Throttle other = new Throttle(6, 0, shared, "smtp 127.0.0.1:25", fake);
    one.await("a.example.org");
    other.await("b.example.org");
    one.await("c.example.org");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20));
  }

  @Test
  void theChannelSlotComesNoEarlierThanTheDomainSlot() throws Exception {
    Throttle t = throttle(60, 2);
    t.await("consulate.example.org");
    t.await("consulate.example.org");
    // the second consulate letter waited 30 s for its domain; a letter to another domain now follows 1 s after it
    assertThat(t.await("embassy.example.org")).isEqualTo(Duration.ofSeconds(1));
  }
}
