package org.demarche.voice.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The page's parts that need no campaign: languages, forms, CSRF tokens, rate limits. */
class PagePartsTest {
  /** A clock the test moves. */
  static final class MovingClock extends Clock {
    Instant now = Instant.parse("2026-09-24T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void theLanguageIsTheExplicitOneElseTheBrowsersBestElseEnglish() {
    assertThat(Texts.choose("ja", "en")).isEqualTo("ja");
    assertThat(Texts.choose("", "fr-CA,ja;q=0.8,en;q=0.5")).isEqualTo("ja");
    assertThat(Texts.choose("xx", "de")).isEqualTo("en");
    assertThat(Texts.choose("", "ja;q=abc,,,;;")).isEqualTo("en");
  }

  @Test
  void everyEnglishWordHasAJapaneseOne() {
    assertThat(Texts.of("ja").all().keySet()).containsExactlyInAnyOrderElementsOf(Texts.of("en").all().keySet());
    assertThat(Texts.of("ja").region("JP-05")).isEqualTo("秋田県");
  }

  @Test
  void aFormRefusesARepeatedFieldBadPercentEncodingAndBytesThatAreNotUtf8() {
    assertThat(Form.parse("name=A+B&city=%E7%A7%8B%E7%94%B0".getBytes(StandardCharsets.US_ASCII)).get("city"))
        .hasValue("秋田");
    assertThatThrownBy(() -> Form.parse("name=a&name=b")).hasMessageContaining("'name' twice");
    assertThatThrownBy(() -> Form.parse("name=%ZZ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Form.parse("name=%FF%FE")).hasMessageContaining("not UTF-8");
    assertThatThrownBy(() -> Form.parse("a&".repeat(40))).hasMessageContaining("more than 32 fields");
  }

  @Test
  void aCsrfTokenFitsOnlyItsOwnSessionAndItsOwnProcess() {
    Csrf csrf = new Csrf();
    String token = csrf.tokenFor("session-a");
    assertThat(csrf.valid("session-a", token)).isTrue();
    assertThat(csrf.valid("session-b", token)).isFalse();
    assertThat(csrf.valid("session-a", "")).isFalse();
    assertThat(new Csrf().valid("session-a", token)).as("another process's key").isFalse();
  }

  @Test
  void aRateLimitAllowsMaxEventsPerWindowThenFreesThemAsTheWindowSlides() {
    MovingClock clock = new MovingClock();
    RateLimit limit = new RateLimit(3, Duration.ofMinutes(1), clock, 100);
    assertThat(limit.tryAcquire("a")).isTrue();
    assertThat(limit.tryAcquire("a")).isTrue();
    assertThat(limit.tryAcquire("a")).isTrue();
    assertThat(limit.tryAcquire("a")).isFalse();
    assertThat(limit.tryAcquire("b")).as("per key").isTrue();
    assertThat(limit.retryAfterSeconds("a")).isEqualTo(60);
    clock.now = clock.now.plusSeconds(61);
    assertThat(limit.tryAcquire("a")).isTrue();
  }

  @Test
  void aRateLimitForgetsTheLeastRecentlySeenKeysBeyondItsBound() {
    RateLimit limit = new RateLimit(1, Duration.ofHours(1), new MovingClock(), 2);
    assertThat(limit.tryAcquire("a")).isTrue();
    assertThat(limit.tryAcquire("b")).isTrue();
    assertThat(limit.tryAcquire("c")).isTrue();
    assertThat(limit.tryAcquire("a")).as("'a' was forgotten to keep memory bounded").isTrue();
  }
}
