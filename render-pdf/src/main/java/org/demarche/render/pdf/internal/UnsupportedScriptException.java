package org.demarche.render.pdf.internal;

import java.util.Locale;

/** Text in a script that needs a full shaping engine (Devanagari, Bengali, Thai, ...), which the renderer lacks. */
public final class UnsupportedScriptException extends RuntimeException {
  private final Character.UnicodeScript script;

  UnsupportedScriptException(Character.UnicodeScript script, int codePoint) {
    super(name(script) + " script (" + MissingGlyphException.describe(codePoint) + ")", null, false, false);
    this.script = script;
  }

  /** "Devanagari". */
  public static String name(Character.UnicodeScript script) {
    String s = script.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  public Character.UnicodeScript script() {
    return script;
  }
}
