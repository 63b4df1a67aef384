package org.demarche.render.pdf.internal;

import java.util.ArrayList;
import java.util.List;

/** Lays blocks onto pages of a given text height, honouring keeps and the two-line widow/orphan rule. */
final class Paginator {
  private static final int MIN_LINES = 2;

  private final float pageHeight;
  private final List<List<Placed>> pages = new ArrayList<>();
  private List<Placed> current;
  private float used;
  private boolean atTop;

  /** Room at the top of pages after the first for the running header. */
  private final float headerBand;

  Paginator(float pageHeight) {
    this(pageHeight, 0);
  }

  Paginator(float pageHeight, float headerBand) {
    this.pageHeight = pageHeight;
    this.headerBand = headerBand;
    newPage();
  }

  List<List<Placed>> paginate(List<Block> input) {
    List<Block> blocks = new ArrayList<>(input);
    int i = 0;
    while (i < blocks.size()) {
      Block b = blocks.get(i);
      float sb = atTop ? 0 : b.spaceBefore();
      float avail = pageHeight - used;
      float head = b.keepWithNext() ? minHead(blocks, i + 1) : 0;
      Block next = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
      float tail = next != null && next.keepWithPrevious() ? next.spaceBefore() + next.height() : 0;
      float h = b.height();
      boolean fits = sb + h + head <= avail && sb + h + tail <= avail;
      if (fits || (atTop && sb + h <= avail)) {
        place(b, sb);
        i++;
        continue;
      }
      if (b.splittable() && b.lineCount() >= 2 * MIN_LINES) {
        int k = (int) Math.floor((avail - sb) / b.leading() + 1e-3);
        k = Math.min(k, b.lineCount() - MIN_LINES);
        if (k >= MIN_LINES) {
          place(b.first(k), sb);
          newPage();
          blocks.set(i, b.rest(k));
          continue;
        }
      }
      if (!atTop) {
        newPage();
        continue;
      }
      // Taller than a whole page even at its top: place entry by entry.
      for (Block.Entry e : b.entries()) {
        if (used + e.height() > pageHeight && !atTop) {
          newPage();
        }
        current.add(new Placed(e, used));
        used += e.height();
        atTop = false;
      }
      i++;
    }
    return pages;
  }

  private float minHead(List<Block> blocks, int j) {
    if (j >= blocks.size()) {
      return 0;
    }
    Block b = blocks.get(j);
    float h = b.spaceBefore()
        + (b.splittable() && b.lineCount() >= 2 * MIN_LINES ? MIN_LINES * b.leading() : b.height());
    return h + (b.keepWithNext() ? minHead(blocks, j + 1) : 0);
  }

  private void place(Block b, float spaceBefore) {
    used += spaceBefore;
    for (Block.Entry e : b.entries()) {
      current.add(new Placed(e, used));
      used += e.height();
    }
    atTop = false;
  }

  private void newPage() {
    current = new ArrayList<>();
    pages.add(current);
    used = pages.size() > 1 ? headerBand : 0;
    atTop = true;
  }
}
