package org.demarche.core.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A text file that may begin with "front matter": lines of {@code key: value} between two lines of
 * {@code ---}. Used for translations, whose subject and salutation sit above the body.
 */
final class FrontMatter {
  final Map<String, String> fields = new LinkedHashMap<>();
  final Map<String, Integer> lines = new LinkedHashMap<>();
  String body;
  int bodyLine = 1;
  String error;
  int errorLine;

  static FrontMatter split(String text) {
    FrontMatter fm = new FrontMatter();
    String[] all = text.split("\n", -1);
    if (all.length == 0 || !all[0].strip().equals("---")) {
      fm.body = text;
      return fm;
    }
    int i = 1;
    for (; i < all.length && !all[i].strip().equals("---"); i++) {
      String line = all[i];
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        fm.error = "front matter lines must read 'key: value', not '" + line.strip() + "'";
        fm.errorLine = i + 1;
        return fm;
      }
      String key = line.substring(0, colon).strip();
      String value = line.substring(colon + 1).strip();
      if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
          || value.startsWith("'") && value.endsWith("'"))) {
        value = value.substring(1, value.length() - 1);
      }
      fm.fields.put(key, value);
      fm.lines.put(key, i + 1);
    }
    if (i >= all.length) {
      fm.error = "the front matter opened with '---' on line 1 is never closed by another '---'";
      fm.errorLine = 1;
      return fm;
    }
    StringBuilder body = new StringBuilder();
    for (int j = i + 1; j < all.length; j++) {
      body.append(all[j]);
      if (j < all.length - 1) {
        body.append('\n');
      }
    }
    fm.body = body.toString();
    fm.bodyLine = i + 2;
    return fm;
  }

  int lineOf(String key) {
    return lines.getOrDefault(key, 1);
  }
}
