package org.demarche.examples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.demarche.core.model.Coordinate;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.Place;
import org.demarche.core.model.ServingMission;
import org.demarche.core.spi.ContactDirectory;
import org.demarche.core.spi.MissionQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "nearest", mixinStandardHelpOptions = true,
    description = "Find the mission that serves a place: by consular district first, by distance where none is known.")
final class NearestCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  PlaceOptions place;

  @Option(names = "--sending-state", defaultValue = "CN", paramLabel = "CC", description = "the state whose mission is wanted (default CN)")
  String sendingState;

  @Option(names = "--directory", paramLabel = "FILE", description = "a JSON or CSV file layered over the bundled data")
  List<Path> directories = new ArrayList<>();

  @Option(names = "--format", defaultValue = "table", paramLabel = "table|json", description = "table (default) or json")
  String format;

  @Override
  public Integer call() throws Exception {
    Formats.check(format);
    String state = Formats.country(sendingState, "--sending-state");
    if (place.region().isEmpty() && place.coordinate().isEmpty()) {
      throw new IllegalArgumentException("say where: --country CC --region CODE, or --lat and --lon");
    }
    ContactDirectory directory = Directories.open(directories);
    Optional<String> region = place.region(directory);
    Optional<Coordinate> point = place.coordinate();
    String c;
    if (place.country().isPresent()) {
      c = place.country().get();
    } else if (place.region().isPresent()) {
      String r = place.region().get();
      c = Formats.country(r.substring(0, Math.min(2, r.length())), "--region");
    } else {
      // Without a country, take the country of the nearest mission of any state: good enough to start from.
      c = directory.find(MissionQuery.all()).stream().filter(m -> m.coordinate().isPresent())
          .min(Comparator.comparingDouble((DiplomaticMission m) -> m.coordinate().get().distanceKm(point.get())))
          .map(DiplomaticMission::hostCountry)
          .orElseThrow(() -> new IllegalArgumentException("give --country: no mission with a coordinate is known"));
    }
    Optional<ServingMission> serving = directory.servingMission(state, new Place(c, region, point));
    if (serving.isEmpty()) {
      spec.commandLine().getErr().println("demarche: no mission of " + state + " is known to serve " + c
          + "; add one with --directory FILE");
      return DemarcheCli.SOME_FAILED;
    }
    Missions.printServing(serving.get(), format, spec.commandLine().getOut());
    return DemarcheCli.DONE;
  }
}
