package org.demarche.contacts.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;

/** Collects every problem found while reading directory files, to report them all at once. */
public final class Problems {
  private final List<Problem> problems = new ArrayList<>();

  public void add(Location at, String field, String message) {
    problems.add(new Problem(at, field, message));
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  public List<Problem> list() {
    return List.copyOf(problems);
  }

  /** Throws {@link InvalidInputException} holding every problem, in file and line order, if there is any. */
  public void throwIfAny() {
    if (!problems.isEmpty()) {
      List<Problem> sorted = new ArrayList<>(problems);
      sorted.sort(Comparator.comparing((Problem p) -> p.location().file())
          .thenComparingInt(p -> p.location().line())
          .thenComparingInt(p -> p.location().column()));
      throw new InvalidInputException(sorted);
    }
  }
}
