package org.demarche.core.signatories;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.demarche.core.model.Countries;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.Signatory;
import org.demarche.core.model.Values;

/**
 * Frozen copy of SignatoryFields as of cc4634f (the date read by the formatter), for the baseline of
 * {@code EndToEndBenchmark} only. The fields of one signatory as a list gives them (a CSV row, a JSON object, an inline entry), checked
 * into a {@link Signatory} with each bad field reported. The same rules for every format.
 */
final class LegacySignatoryFields {
  static final List<String> COLUMNS = List.of("name", "kind", "organization", "city", "country", "email", "signedAt",
      "disclosure");
  static final Set<String> KNOWN = Set.copyOf(COLUMNS);
  static final int NAME = 0;
  static final int KIND = 1;
  static final int ORGANIZATION = 2;
  static final int CITY = 3;
  static final int COUNTRY = 4;
  static final int EMAIL = 5;
  static final int SIGNED_AT = 6;
  static final int DISCLOSURE = 7;

  /** Where a bad field is reported. */
  interface Errors {
    /** A bad field: its index in {@link #COLUMNS}, and the message. */
    void add(int field, String message);
  }

  private final String[] cells;
  private final Errors errors;
  private boolean bad;

  private LegacySignatoryFields(String[] cells, Errors errors) {
    this.cells = cells;
    this.errors = errors;
  }

  /**
   * One row to a signatory; each bad field reported. {@code cells} holds the known columns in the order of
   * {@link #COLUMNS} (null or blank counts as absent); {@code extra} the other columns, kept for the NGO.
   */
  static Optional<Signatory> parse(String[] cells, Map<String, String> extra, Disclosure cap, Errors errors) {
    LegacySignatoryFields f = new LegacySignatoryFields(cells, errors);
    String name = f.name();
    Signatory.Kind kind = f.kind();
    Optional<String> country = f.country();
    Optional<String> email = f.email();
    Optional<Instant> signedAt = f.signedAt();
    Disclosure disclosure = f.disclosure(kind);
    f.oneLine(ORGANIZATION);
    f.oneLine(CITY);
    if (f.bad) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Signatory(kind, name, f.opt(ORGANIZATION), f.opt(CITY), country, email, signedAt,
          disclosure.cappedAt(cap), extra.isEmpty() ? Map.of() : extra));
    } catch (IllegalArgumentException ex) {
      // The model's own checks are stricter in a few corners (an email the quick check let through).
      String m = String.valueOf(ex.getMessage());
      errors.add(m.startsWith("email") ? EMAIL : m.startsWith("country") ? COUNTRY : NAME, m);
      return Optional.empty();
    }
  }

  private void fail(int field, String message) {
    errors.add(field, message);
    bad = true;
  }

  private String name() {
    String name = cell(NAME);
    if (name.isEmpty()) {
      fail(NAME, "is missing: every signatory needs a name");
    } else if (Values.firstLineBreakOrControl(name) >= 0) {
      fail(NAME, "must be one line without control characters");
    }
    return name;
  }

  private Signatory.Kind kind() {
    String k = cell(KIND).toLowerCase(Locale.ROOT);
    switch (k) {
      case "organization", "organisation", "org" -> {
        return Signatory.Kind.ORGANIZATION;
      }
      case "", "person", "individual" -> {
        return Signatory.Kind.PERSON;
      }
      default -> {
        fail(KIND, "must be person or organization, not '" + k + "'");
        return Signatory.Kind.PERSON;
      }
    }
  }

  private Optional<String> country() {
    String c = cell(COUNTRY);
    if (c.isEmpty()) {
      return Optional.empty();
    }
    String upper = c.toUpperCase(Locale.ROOT);
    if (upper.length() == 2 && Countries.isKnown(upper)) {
      return Optional.of(upper);
    }
    fail(COUNTRY, "must be an ISO 3166-1 alpha-2 code such as JP, not '" + c + "'");
    return Optional.empty();
  }

  private Optional<String> email() {
    String e = cell(EMAIL);
    if (e.isEmpty()) {
      return Optional.empty();
    }
    if (plausibleEmail(e)) {
      return Optional.of(e);
    }
    fail(EMAIL, "must be an email address such as name@example.org, not '" + e + "'");
    return Optional.empty();
  }

  private Optional<Instant> signedAt() {
    String at = cell(SIGNED_AT);
    if (at.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(at.length() == 10 ? LocalDate.parse(at).atStartOfDay().toInstant(ZoneOffset.UTC)
          : Instant.parse(at));
    } catch (DateTimeParseException ex) {
      fail(SIGNED_AT, "must be a date (2026-09-01) or an instant (2026-09-01T10:00:00Z), not '" + at + "'");
      return Optional.empty();
    }
  }

  /** The level asked for, else counted-only for a person and full for an organization. */
  private Disclosure disclosure(Signatory.Kind kind) {
    String d = cell(DISCLOSURE);
    if (!d.isEmpty()) {
      try {
        return Disclosure.fromKey(d);
      } catch (IllegalArgumentException ex) {
        fail(DISCLOSURE, ex.getMessage());
      }
    }
    return kind == Signatory.Kind.ORGANIZATION ? Disclosure.FULL : Disclosure.COUNTED_ONLY;
  }

  private void oneLine(int field) {
    if (Values.firstLineBreakOrControl(cell(field)) >= 0) {
      fail(field, "must be one line without control characters");
    }
  }

  /** A quick email check without a regular expression; the model's check runs after it. */
  static boolean plausibleEmail(String e) {
    int at = e.indexOf('@');
    if (at <= 0 || at != e.lastIndexOf('@') || at == e.length() - 1) {
      return false;
    }
    int dot = e.indexOf('.', at);
    if (dot < 0 || dot == at + 1 || e.endsWith(".")) {
      return false;
    }
    for (int i = 0; i < e.length(); i++) {
      char ch = e.charAt(i);
      if (ch <= ' ' || ch == '"' || ch == '<' || ch == '>' || ch == '(' || ch == ')' || ch == ',' || ch == ';'
          || ch == ':' || ch == '\\' || ch == '[' || ch == ']' || Character.isWhitespace(ch)) {
        return false;
      }
    }
    return true;
  }

  private String cell(int i) {
    String v = cells[i];
    return v == null ? "" : v;
  }

  private Optional<String> opt(int i) {
    String s = cell(i);
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }
}
