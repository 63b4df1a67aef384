package org.demarche.examples.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.DiplomaticMission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check a campaign and every file it names; report every problem with file:line and field.")
final class ValidateCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "CAMPAIGN", description = "the campaign file (YAML or JSON)")
  Path campaign;

  @Override
  public Integer call() {
    Campaign c = Engine.load(campaign);
    List<DiplomaticMission> missions = Engine.demarche().missions(c);
    long withEmail = missions.stream().filter(m -> m.email().isPresent()).count();
    var out = spec.commandLine().getOut();
    out.println(campaign + " is valid: campaign " + c.id());
    out.println("  " + missions.size() + " letters (" + c.delivery().sendLanguage() + "), " + withEmail
        + " to missions with a published email, " + (missions.size() - withEmail) + " by post");
    out.println("  " + c.signatories().count() + " co-signatories; channel " + c.delivery().channel()
        + (c.delivery().attachLanguages().isEmpty() ? "" : "; attached translations: " + String.join(", ", c.delivery().attachLanguages())));
    return DemarcheCli.DONE;
  }
}
