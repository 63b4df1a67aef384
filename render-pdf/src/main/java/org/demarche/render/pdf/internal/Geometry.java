package org.demarche.render.pdf.internal;

/**
 * A page and its text area in points. Every glyph the renderer draws lies inside the text area,
 * page numbers included.
 *
 * @param width page width
 * @param height page height
 * @param left left margin
 * @param right right margin
 * @param top top margin
 * @param bottom bottom margin
 */
public record Geometry(float width, float height, float left, float right, float top, float bottom) {
  static final float MM = 72f / 25.4f;
  /** Room kept at the bottom of the text area for the page number. */
  public static final float FOOTER = 22f;

  public static Geometry of(float width, float height) {
    return new Geometry(width, height, 25 * MM, 22 * MM, 18 * MM, 18 * MM);
  }

  public float textWidth() {
    return width - left - right;
  }

  /** Height available to the body above the footer band. */
  public float bodyHeight() {
    return height - top - bottom - FOOTER;
  }

  /** PDF y coordinate of a point {@code fromTop} points below the top of the text area. */
  public float y(float fromTop) {
    return height - top - fromTop;
  }
}
