package org.demarche.examples.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.demarche.core.RunReport;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.Provenance;

/**
 * The run's one warning about the directory: letters this run sent to an address or an email that no
 * official or government page confirms, or that the project last read over two years ago.
 */
final class FactWarnings {
  /** Older than this, a fact is stale: missions move, and their emails change. */
  static final int STALE_AFTER_YEARS = 2;

  private FactWarnings() {}

  /** Prints the warning when a letter of this run went to such a fact; nothing otherwise. */
  static void print(PrintWriter out, RunReport report, List<DiplomaticMission> missions, LocalDate today) {
    Map<String, DiplomaticMission> byId = missions.stream()
        .collect(Collectors.toMap(DiplomaticMission::id, Function.identity(), (a, b) -> a));
    Set<String> doubtful = new TreeSet<>();
    for (RunReport.Outcome o : report.outcomes()) {
      DiplomaticMission m = byId.get(o.missionId());
      if (m == null || o.earlier()) {
        continue;
      }
      String fact = switch (o.result()) {
        case SENT -> "email";
        case BY_POST -> "address";
        default -> null;
      };
      if (fact != null && doubtful(m.provenanceOf(fact), today)) {
        doubtful.add(m.id() + " (" + fact + ")");
      }
    }
    if (!doubtful.isEmpty()) {
      String warning = "Warning: " + Formats.count(doubtful.size(), "letter") + " went to an address or email that"
          + " no official page confirms, or that was last read over " + STALE_AFTER_YEARS + " years ago: "
          + String.join(", ", doubtful) + ". Check them (`demarche directory audit` lists every such fact) and"
          + " correct them in a directory correction file.";
      Table.printWrapped(out, warning, 114, 2);
    }
  }

  static boolean doubtful(Provenance p, LocalDate today) {
    return !p.confirmed() || p.retrievedOn().isBefore(today.minusYears(STALE_AFTER_YEARS));
  }
}
