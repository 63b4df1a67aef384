package org.demarche.examples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.MissionKind;
import org.demarche.core.spi.ContactDirectory;
import org.demarche.core.spi.MissionQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "recipients", mixinStandardHelpOptions = true,
    description = "List missions from the bundled directory (and correction files), filtered.")
final class RecipientsCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--sending-state", paramLabel = "CC", description = "ISO 3166-1 code of the state the missions represent, e.g. CN")
  String sendingState;

  @Option(names = "--host-country", paramLabel = "CC", description = "ISO 3166-1 code of the country they are in, e.g. JP")
  String hostCountry;

  @Option(names = "--kind", paramLabel = "KIND", description = "embassy, consulate-general, consulate, permanent-mission or other")
  List<String> kinds = new ArrayList<>();

  @Option(names = "--directory", paramLabel = "FILE", description = "a JSON or CSV file layered over the bundled data")
  List<Path> directories = new ArrayList<>();

  @Option(names = "--search", paramLabel = "TEXT", description = "only missions whose name or city contains TEXT (any script)")
  String search;

  @Option(names = "--format", defaultValue = "table", paramLabel = "table|json", description = "table (default) or json")
  String format;

  @Override
  public Integer call() throws Exception {
    Formats.check(format);
    ContactDirectory directory = Directories.open(directories);
    MissionQuery q = MissionQuery.all();
    if (sendingState != null) {
      q = q.sendingState(Formats.country(sendingState, "--sending-state"));
    }
    if (hostCountry != null) {
      q = q.hostCountry(Formats.country(hostCountry, "--host-country"));
    }
    if (!kinds.isEmpty()) {
      q = q.kinds(kinds.stream().map(MissionKind::fromKey).collect(java.util.stream.Collectors.toSet()));
    }
    List<DiplomaticMission> found = directory.find(q);
    if (search != null) {
      List<DiplomaticMission> matching = directory.search(search);
      found = found.stream().filter(matching::contains).toList();
    }
    Missions.print(found, format, spec.commandLine().getOut());
    return DemarcheCli.DONE;
  }
}
