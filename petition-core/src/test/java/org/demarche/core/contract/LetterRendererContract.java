package org.demarche.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.demarche.core.model.Letter;
import org.demarche.core.model.Rendition;
import org.demarche.core.model.SafeNames;
import org.demarche.core.spi.LetterRenderer;
import org.junit.jupiter.api.Test;

/** What every {@link LetterRenderer} must do. A renderer's test class extends this. */
public abstract class LetterRendererContract {

  protected abstract LetterRenderer renderer();

  @Test
  public void rendersALetterToANonEmptyDocumentOfItsMediaType() {
    LetterRenderer renderer = renderer();
    Rendition r = renderer.render(Fixtures.letterTo(Fixtures.osaka()));
    assertThat(r.size()).isPositive();
    assertThat(r.mediaType()).isEqualTo(renderer.mediaType());
  }

  @Test
  public void namesTheFileAfterTheLetterIdAndLanguage() {
    Letter letter = Fixtures.letterTo(Fixtures.osaka());
    Rendition r = renderer().render(letter);
    assertThat(r.fileName()).startsWith(letter.id() + ".").contains("." + letter.language() + ".");
    assertThat(SafeNames.requireFileName(r.fileName(), "fileName")).isEqualTo(r.fileName());
  }

  @Test
  public void rendersTheSameLetterFromTwoThreads() throws Exception {
    LetterRenderer renderer = renderer();
    Letter letter = Fixtures.letterTo(Fixtures.sapporo());
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var a = pool.submit(() -> renderer.render(letter));
      var b = pool.submit(() -> renderer.render(letter));
      assertThat(a.get().size()).isPositive();
      assertThat(b.get().size()).isPositive();
    } finally {
      pool.shutdownNow();
    }
  }
}
