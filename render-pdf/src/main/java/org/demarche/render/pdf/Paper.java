package org.demarche.render.pdf;

import java.util.Locale;

/** The paper a letter is set on. */
public enum Paper {
  /** ISO A4, 210 × 297 mm: the default. */
  A4(595.2756f, 841.8898f),
  /** US Letter, 8.5 × 11 in. */
  LETTER(612f, 792f);

  private final float width;
  private final float height;

  Paper(float width, float height) {
    this.width = width;
    this.height = height;
  }

  /** Width in points (1/72 in). */
  public float width() {
    return width;
  }

  /** Height in points. */
  public float height() {
    return height;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
