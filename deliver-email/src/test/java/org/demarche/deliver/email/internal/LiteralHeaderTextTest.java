package org.demarche.deliver.email.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeUtility;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A header text that looks like an encoded-word is sent so that it decodes to itself. */
class LiteralHeaderTextTest {

  @Test
  void aTextLookingLikeAnEncodedWordDecodesToItselfNotToALineBreak() throws Exception {
    String text = "=?UTF-8?Q?a=0D=0ABcc:_x@evil.test?=";
    assertThat(MimeUtility.decodeText(text)).as("sent as is, it would decode to a line break").contains("\r\n");
    assertThat(MimeUtility.decodeText(MessageFactory.literal(text))).isEqualTo(text);
  }

  @Test
  void aLongMixedTextIsSplitIntoWordsOfAtMost75Characters() throws Exception {
    String text = "請願 =?x?= ".repeat(30) + "世界北朝鮮難民救済の日";
    String encoded = MessageFactory.literal(text);
    assertThat(Arrays.stream(encoded.split(" "))).allMatch(w -> w.length() <= 75);
    assertThat(MimeUtility.decodeText(encoded)).isEqualTo(text);
  }

  @Test
  void anOrdinaryTextIsLeftAsItIs() {
    assertThat(MessageFactory.literal("Petition on World Save North Korean Refugees Day")).isEqualTo(
        "Petition on World Save North Korean Refugees Day");
  }
}
