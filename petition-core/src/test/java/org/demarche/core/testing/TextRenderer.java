package org.demarche.core.testing;

import java.nio.charset.StandardCharsets;
import org.demarche.core.model.Letter;
import org.demarche.core.model.Rendition;
import org.demarche.core.spi.LetterRenderer;

/** Renders a letter as its plain text: enough for tests of the engine. */
public final class TextRenderer implements LetterRenderer {
  @Override
  public String mediaType() {
    return "text/plain";
  }

  @Override
  public Rendition render(Letter letter) {
    return new Rendition(letter.id() + "." + letter.language() + ".txt", mediaType(), letter.language(),
        letter.plainText().getBytes(StandardCharsets.UTF_8));
  }
}
