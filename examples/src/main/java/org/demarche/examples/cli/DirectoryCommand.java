package org.demarche.examples.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.demarche.contacts.ContactDirectories;
import org.demarche.contacts.MissionDirectory;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.Provenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code demarche directory ...}: questions about the bundled directory data itself. */
@Command(name = "directory", mixinStandardHelpOptions = true, subcommands = DirectoryCommand.Audit.class,
    description = "Look into the bundled directory data.")
final class DirectoryCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return DemarcheCli.DONE;
  }

  /** The facts of every mission, per mission: those unconfirmed, stale or from a third party only. */
  @Command(name = "audit", mixinStandardHelpOptions = true,
      description = "List, per mission, the facts that are unconfirmed, older than --older-than, or from a third party"
          + " only; then the figures (missions, facts by kind of source, confirmed share, oldest fact).")
  static final class Audit implements Callable<Integer> {
    /** The facts a mission can carry, in the order they are listed. */
    static final List<String> FACTS = List.of("name", "address", "city", "email", "phone", "fax", "web",
        "jurisdiction", "coordinate");
    private static final Pattern AGE = Pattern.compile("(\\d+)([my])");

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--older-than", defaultValue = "24m", paramLabel = "AGE",
        description = "a fact is stale when its source's date (else the day it was read) is older: 24m, 2y (default 24m)")
    String olderThan;

    @Option(names = "--sending-state", paramLabel = "CC", description = "only this sending state's missions (default: all)")
    String sendingState;

    @Option(names = "--today", paramLabel = "DATE", description = "the day to measure age from (default: today)")
    String today;

    @Option(names = "--summary", description = "print the figures only, not the list per mission")
    boolean summary;

    @Override
    public Integer call() {
      LocalDate now = today == null ? LocalDate.now() : date(today);
      LocalDate cutoff = cutoff(now, olderThan);
      MissionDirectory d = ContactDirectories.bundled();
      List<DiplomaticMission> missions = sendingState == null ? d.allStates()
          : d.find(org.demarche.core.spi.MissionQuery.all().sendingState(Formats.country(sendingState, "--sending-state")));
      PrintWriter out = spec.commandLine().getOut();
      Map<Provenance.Kind, Integer> byKind = new EnumMap<>(Provenance.Kind.class);
      int facts = 0;
      int confirmed = 0;
      int flaggedMissions = 0;
      String oldest = null;
      LocalDate oldestDate = LocalDate.MAX;
      for (DiplomaticMission m : missions) {
        List<String> flags = new ArrayList<>();
        for (String fact : present(m)) {
          Provenance p = m.provenanceOf(fact);
          facts++;
          byKind.merge(p.kind(), 1, Integer::sum);
          confirmed += p.confirmed() ? 1 : 0;
          if (p.asOf().isBefore(oldestDate)) {
            oldestDate = p.asOf();
            oldest = m.id() + " " + fact;
          }
          List<String> why = new ArrayList<>();
          if (!p.confirmed()) {
            why.add("unconfirmed");
          }
          if (p.asOf().isBefore(cutoff)) {
            why.add("stale (" + p.asOf() + ")");
          }
          if (p.kind() == Provenance.Kind.THIRD_PARTY) {
            why.add("third-party only");
          }
          if (!why.isEmpty()) {
            flags.add("  " + fact + ": " + String.join(", ", why) + " [" + p.kind().key() + ": " + p.source() + "]");
          }
        }
        if (!flags.isEmpty()) {
          flaggedMissions++;
          if (!summary) {
            out.println(m.id() + " (" + m.name() + ")");
            flags.forEach(out::println);
          }
        }
      }
      out.printf(Locale.ROOT, "missions: %d (%d with a fact to check)%n", missions.size(), flaggedMissions);
      StringBuilder kinds = new StringBuilder();
      for (Provenance.Kind k : Provenance.Kind.values()) {
        kinds.append(kinds.length() == 0 ? "" : ", ").append(k.key()).append(' ').append(byKind.getOrDefault(k, 0));
      }
      out.printf(Locale.ROOT, "facts: %d (%s)%n", facts, kinds);
      out.printf(Locale.ROOT, "confirmed: %d of %d (%.1f%%)%n", confirmed, facts, facts == 0 ? 0.0 : 100.0 * confirmed / facts);
      out.printf(Locale.ROOT, "oldest fact: %s (%s)%n", oldest == null ? "none" : oldest,
          oldest == null ? "-" : oldestDate.toString());
      out.printf(Locale.ROOT, "stale: older than %s, before %s%n", olderThan, cutoff);
      return DemarcheCli.DONE;
    }

    /** The facts {@code m} carries a value for. */
    static List<String> present(DiplomaticMission m) {
      List<String> out = new ArrayList<>();
      for (String f : FACTS) {
        boolean has = switch (f) {
          case "email" -> m.email().isPresent();
          case "phone" -> m.phone().isPresent();
          case "fax" -> m.fax().isPresent();
          case "web" -> m.web().isPresent();
          case "jurisdiction" -> !m.jurisdiction().isEmpty();
          case "coordinate" -> m.coordinate().isPresent();
          default -> true;
        };
        if (has) {
          out.add(f);
        }
      }
      return out;
    }

    static LocalDate cutoff(LocalDate now, String age) {
      Matcher m = AGE.matcher(age.strip().toLowerCase(Locale.ROOT));
      if (!m.matches()) {
        throw new IllegalArgumentException("--older-than must be a number of months or years such as 24m or 2y, not '"
            + age + "'");
      }
      int n = Integer.parseInt(m.group(1));
      return m.group(2).equals("m") ? now.minusMonths(n) : now.minusYears(n);
    }

    private static LocalDate date(String text) {
      try {
        return LocalDate.parse(text.strip());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("--today must be a date as YYYY-MM-DD, not '" + text + "'");
      }
    }
  }
}
