package org.demarche.render.pdf.internal;

/**
 * How a run of text is set.
 *
 * @param bold whether the bold chain of fonts is used
 * @param size the font size in points
 * @param leading the distance between baselines in points
 * @param gray the text's gray level, 0 black to 1 white
 */
public record Style(boolean bold, float size, float leading, float gray) {
  /** Where the baseline sits below the top of a line box: leaves room for ascenders above and descenders below. */
  public float baseline() {
    return leading * 0.8f;
  }
}
