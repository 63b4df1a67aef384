package org.demarche.render.pdf.internal;

import java.util.Arrays;
import java.util.Objects;

/**
 * Text with a style variant per char (regular, bold, italic): a paragraph whose Markdown marked some
 * words as emphasis or strong.
 *
 * @param text the characters
 * @param variants one {@link FontSet.Variant} ordinal per char of {@code text}, or null when every
 *     char takes the style's own variant
 */
public record Spans(String text, byte[] variants) {
  public Spans {
    Objects.requireNonNull(text, "text");
    if (variants != null && variants.length != text.length()) {
      throw new IllegalArgumentException("one variant per char");
    }
  }

  /** Text in the style's own variant. */
  public static Spans plain(String text) {
    return new Spans(text, null);
  }

  /** The variants, with {@code base} where none was given. */
  byte[] resolve(FontSet.Variant base) {
    if (variants != null) {
      return variants;
    }
    byte[] v = new byte[text.length()];
    Arrays.fill(v, (byte) base.ordinal());
    return v;
  }

  /** Builds spans a piece at a time. */
  public static final class Builder {
    private final StringBuilder text = new StringBuilder();
    private byte[] variants = new byte[32];

    public Builder append(String s, FontSet.Variant v) {
      int at = text.length();
      text.append(s);
      if (variants.length < text.length()) {
        variants = Arrays.copyOf(variants, Math.max(text.length(), variants.length * 2));
      }
      Arrays.fill(variants, at, text.length(), (byte) v.ordinal());
      return this;
    }

    public int length() {
      return text.length();
    }

    public Spans build() {
      return new Spans(text.toString(), Arrays.copyOf(variants, text.length()));
    }
  }
}
