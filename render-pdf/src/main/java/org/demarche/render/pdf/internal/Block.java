package org.demarche.render.pdf.internal;

import java.util.List;

/**
 * A unit of the letter's flow: lines (and gaps) that pagination keeps together unless the block is
 * splittable, in which case at least two lines stay on each side of a page break (no widows or
 * orphans).
 *
 * @param entries the block's lines and gaps, top to bottom
 * @param spaceBefore space above the block, dropped at the top of a page
 * @param keepWithNext keep with the start of the next block (a subject with the salutation)
 * @param keepWithPrevious keep with the last lines of the previous block (the closing with the body)
 * @param splittable whether the block may break across pages (a body paragraph)
 */
record Block(List<Entry> entries, float spaceBefore, boolean keepWithNext, boolean keepWithPrevious,
    boolean splittable) {

  enum Align { LEFT, RIGHT, JUSTIFY }

  /** A line or a gap in a block. */
  sealed interface Entry permits LineEntry, Gap {
    float height();
  }

  /**
   * A line set {@code indent} points in, with a list marker drawn in the hanging space before it.
   */
  record LineEntry(Line line, Style style, Align align, float indent, java.util.Optional<Line> marker)
      implements Entry {
    LineEntry(Line line, Style style, Align align) {
      this(line, style, align, 0, java.util.Optional.empty());
    }

    @Override
    public float height() {
      return style.leading();
    }
  }

  /**
   * Vertical space, optionally holding the signature image or a rule.
   *
   * @param height the gap's height
   * @param kind what the gap holds
   */
  record Gap(float height, GapKind kind) implements Entry {}

  enum GapKind { EMPTY, SIGNATURE, RULE }

  float height() {
    float h = 0;
    for (Entry e : entries) {
      h += e.height();
    }
    return h;
  }

  int lineCount() {
    return entries.size();
  }

  float leading() {
    return entries.get(0).height();
  }

  Block first(int n) {
    return new Block(entries.subList(0, n), spaceBefore, false, keepWithPrevious, splittable);
  }

  Block rest(int n) {
    return new Block(entries.subList(n, entries.size()), 0, keepWithNext, false, splittable);
  }
}
