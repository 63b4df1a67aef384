package org.demarche.deliver.email.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The channel's own check of every value bound for a header. */
class HeaderFieldsTest {

  @ParameterizedTest
  @ValueSource(strings = {"Petition\r\nBcc: victim@example.org", "Petition\nBcc: x@example.org", "Petition\rX",
      "Petition\u2028Bcc: x", "Petition\u2029x", "Petition\u0085x", "Petition\u0000x", "Petition\tx", "Petition\u001bx"})
  void refusesLineBreaksAndControlCharacters(String subject) {
    assertThatThrownBy(() -> HeaderFields.requireLine(subject, "subject"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("subject cannot go into a mail header: it contains U+")
        .hasMessageContaining("at position 9");
  }

  @Test
  void namesTheCharacterItRefuses() {
    assertThatThrownBy(() -> HeaderFields.requireLine("A\r\nB", "sender.name"))
        .hasMessage("sender.name cannot go into a mail header: it contains U+000D (CARRIAGE RETURN (CR)) at position 2;"
            + " remove line breaks and control characters");
  }

  @Test
  void acceptsNonAsciiText() {
    assertThat(HeaderFields.requireLine("北朝鮮難民救援基金 — Ü", "sender.name")).isEqualTo("北朝鮮難民救援基金 — Ü");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a@example.org, b@example.org", "Name <a@example.org>", "a@example.org\r\nBcc: b@x.org",
      "not-an-address", "a@example.org;b@example.org"})
  void anAddressSettingHoldsExactlyOneBareAddress(String value) {
    assertThatThrownBy(() -> HeaderFields.requireAddress(value, "cc")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cc ");
  }

  @Test
  void loopbackIsRecognizedOnlyWhenWrittenLiterally() {
    assertThat(HeaderFields.isLoopback("127.0.0.1")).isTrue();
    assertThat(HeaderFields.isLoopback("127.255.0.9")).isTrue();
    assertThat(HeaderFields.isLoopback("LOCALHOST")).isTrue();
    assertThat(HeaderFields.isLoopback("[::1]")).isTrue();
    assertThat(HeaderFields.isLoopback("127.0.0.256")).isFalse();
    assertThat(HeaderFields.isLoopback("localtest.me")).isFalse();
    assertThat(HeaderFields.isLoopback("::2")).isFalse();
  }
}
