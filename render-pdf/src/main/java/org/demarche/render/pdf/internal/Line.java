package org.demarche.render.pdf.internal;

import java.util.List;

/**
 * One set line: runs of text each in one font, in visual order (left to right on the page).
 *
 * @param runs the runs, left to right
 * @param width the natural width in points, without trailing spaces
 * @param spaces the spaces between words (not counting trailing ones)
 * @param last whether the line ends a paragraph or a forced break (never justified)
 * @param rtl whether the line belongs to a right-to-left paragraph (set flush right)
 */
public record Line(List<Run> runs, float width, int spaces, boolean last, boolean rtl) {

  public Line(List<Run> runs, float width, int spaces, boolean last) {
    this(runs, width, spaces, last, false);
  }

  /**
   * Text in one font.
   *
   * @param face the font
   * @param text the characters
   * @param width the width in points
   */
  public record Run(Face face, String text, float width) {}

  public String text() {
    StringBuilder out = new StringBuilder();
    runs.forEach(r -> out.append(r.text()));
    return out.toString();
  }

  /** Whether a run is set in a CJK face: such a line is justified between characters, not at spaces. */
  public boolean cjk() {
    for (Run r : runs) {
      if (r.face().cjk) {
        return true;
      }
    }
    return false;
  }
}
