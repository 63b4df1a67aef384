package org.demarche.render.pdf.internal;

import java.util.List;

/**
 * One set line: runs of text each in one font.
 *
 * @param runs the runs, left to right
 * @param width the natural width in points, without trailing spaces
 * @param spaces the spaces between words (not counting trailing ones)
 * @param last whether the line ends a paragraph or a forced break (never justified)
 */
public record Line(List<Run> runs, float width, int spaces, boolean last) {

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
}
