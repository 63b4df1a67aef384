package org.demarche.render.pdf.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A renderer's parsed fonts go when the renderer goes, even from a thread that lives on (a server, a test JVM). */
class FontSetMemoryTest {

  @Test
  void aFontSetThatDrewOnThisThreadIsCollectedOnceNobodyHoldsIt() throws InterruptedException {
    WeakReference<FontSet> gone = drawnWithAndDropped();
    for (int i = 0; i < 50 && gone.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(gone.get()).as("the set, its ThreadLocal and this thread's faces of it").isNull();
  }

  private static WeakReference<FontSet> drawnWithAndDropped() {
    FontSet set = FontSet.withDefaults(List.of());
    assertThat(set.faces().forCodePoint('A', FontSet.Variant.REGULAR, "en")).isNotNull();
    return new WeakReference<>(set);
  }
}
