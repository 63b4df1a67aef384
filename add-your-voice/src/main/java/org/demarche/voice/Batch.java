package org.demarche.voice;

import java.util.List;
import java.util.Objects;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;

/**
 * A supporter file made ready: who gets a letter through which mission, and what was said about the rest.
 *
 * @param routed one per distinct supporter who gets a letter, in file order
 * @param duplicates rows that repeat an earlier supporter (same email, or same name and place): no second letter
 * @param rejected rows that get no letter (no mission serves them, or a required paragraph is missing or short)
 * @param warnings rows that get a letter with a remark (an encouraged paragraph is missing or short)
 * @param similar personal paragraphs that are identical or near-duplicates, see {@link ParagraphSimilarity}
 */
public record Batch(List<Routing> routed, List<Duplicate> duplicates, List<Problem> rejected, List<Problem> warnings,
    List<Similar> similar) {

  /**
   * A row that repeats an earlier supporter.
   *
   * @param first where the supporter was first written
   * @param repeated where they were written again
   * @param letterId their one letter
   */
  public record Duplicate(Location first, Location repeated, String letterId) {
    public Duplicate {
      Objects.requireNonNull(first, "first");
      Objects.requireNonNull(repeated, "repeated");
      Objects.requireNonNull(letterId, "letterId");
    }
  }

  /**
   * Supporters whose personal paragraphs are identical or nearly so.
   *
   * @param kind identical or near-duplicate
   * @param where the rows, in file order
   * @param lowestSimilarity the lowest Jaccard similarity of a linked pair (1 when identical)
   */
  public record Similar(ParagraphSimilarity.Kind kind, List<Location> where, double lowestSimilarity) {
    public Similar {
      Objects.requireNonNull(kind, "kind");
      where = List.copyOf(where);
    }

    /** E.g. "12 letters have word-for-word the same personal paragraph: supporters.csv:2, :5, :9, ...". */
    public String describe() {
      StringBuilder rows = new StringBuilder();
      String file = null;
      for (int i = 0; i < where.size() && i < 10; i++) {
        Location l = where.get(i);
        rows.append(i == 0 ? "" : ", ").append(l.file().equals(file) ? ":" + l.line() : l.toString());
        file = l.file();
      }
      if (where.size() > 10) {
        rows.append(", and ").append(where.size() - 10).append(" more");
      }
      return where.size() + " letters have " + (kind == ParagraphSimilarity.Kind.IDENTICAL
          ? "word for word the same personal paragraph"
          : String.format(java.util.Locale.ROOT, "nearly the same personal paragraph (similarity %.2f or more)",
              lowestSimilarity)) + ": " + rows
          + ". Identical letters are the ones officials discard: ask these supporters to write in their own words.";
    }
  }

  public Batch {
    routed = List.copyOf(routed);
    duplicates = List.copyOf(duplicates);
    rejected = List.copyOf(rejected);
    warnings = List.copyOf(warnings);
    similar = List.copyOf(similar);
  }
}
