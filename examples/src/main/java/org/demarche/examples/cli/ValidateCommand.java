package org.demarche.examples.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check a campaign and every file it names; report every problem with file:line and field.")
final class ValidateCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "CAMPAIGN", description = "the campaign file (YAML or JSON)")
  Path campaign;

  @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
      description = "table (default) or json: the letters a run would make, or every problem, as JSON")
  String format;

  @Override
  public Integer call() {
    Formats.check(format);
    var out = spec.commandLine().getOut();
    Campaign c;
    List<DiplomaticMission> missions;
    try {
      c = Engine.load(campaign);
      missions = Engine.demarche().missions(c);
    } catch (InvalidInputException e) {
      if (!format.equals("json")) {
        throw e;
      }
      out.println(JsonOutput.invalid(e.problems()));
      return DemarcheCli.INVALID;
    }
    long withEmail = missions.stream().filter(m -> m.email().isPresent()).count();
    if (format.equals("json")) {
      out.println(JsonOutput.valid(c.id(), c.delivery().channel(), c.delivery().sendLanguage(), missions,
          c.signatories().count()));
      return DemarcheCli.DONE;
    }
    out.println(campaign + " is valid: campaign " + c.id());
    out.println("  " + Formats.count(missions.size(), "letter") + " (" + c.delivery().sendLanguage() + "), " + withEmail
        + " to missions with a published email, " + (missions.size() - withEmail) + " by post");
    out.println("  " + Formats.count(c.signatories().count(), "co-signatory", "co-signatories") + "; channel " + c.delivery().channel()
        + (c.delivery().attachLanguages().isEmpty() ? "" : "; attached translations: " + String.join(", ", c.delivery().attachLanguages())));
    return DemarcheCli.DONE;
  }
}
