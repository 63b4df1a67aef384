package org.demarche.core.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An input (a campaign file, a directory file, a signatory list) is invalid. It holds every problem
 * found, not only the first, each with its file, line and field.
 */
public final class InvalidInputException extends DemarcheException {
  private final List<Problem> problems;

  public InvalidInputException(List<Problem> problems) {
    super(summary(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an InvalidInputException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public InvalidInputException(Problem problem) {
    this(List.of(problem));
  }

  /** Every problem found, in file order. */
  public List<Problem> problems() {
    return problems;
  }

  private static String summary(List<Problem> problems) {
    return problems.size() + (problems.size() == 1 ? " problem" : " problems") + ":\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}
