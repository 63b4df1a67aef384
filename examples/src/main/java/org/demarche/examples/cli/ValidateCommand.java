package org.demarche.examples.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.demarche.core.Demarche;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Check a campaign by a dry run of everything but delivery; nothing is written or sent.",
        "Loads the campaign and every file it names, plans and lays out every letter and attached translation in",
        "memory, and reports every problem with file:line:column."})
final class ValidateCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "CAMPAIGN", description = "the campaign file (YAML or JSON)")
  Path campaign;

  @Mixin
  CampaignFolders folders = new CampaignFolders();

  @Mixin
  NowOption now = new NowOption();

  @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
      description = "table (default) or json: the letters a run would make, or every problem, as JSON")
  String format;

  @Override
  public Integer call() {
    Formats.check(format);
    var out = spec.commandLine().getOut();
    Demarche demarche = Engine.demarche();
    Campaign c;
    List<DiplomaticMission> missions;
    try {
      c = folders.load(campaign);
      List<Problem> problems = demarche.check(c);
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
      missions = demarche.missions(c);
      // Warnings stop nothing (exit 0); on the error stream, so that JSON output stays one document.
      demarche.warnings(c, now.today())
          .forEach(w -> spec.commandLine().getErr().println("demarche: warning: " + w));
    } catch (InvalidInputException e) {
      if (!format.equals("json")) {
        throw e;
      }
      out.println(JsonOutput.invalid(e.problems()));
      return DemarcheCli.INVALID;
    }
    if (format.equals("json")) {
      out.println(JsonOutput.valid(c.id(), c.delivery().channel(), c.delivery().sendLanguage(), missions,
          c.signatories().count()));
      return DemarcheCli.DONE;
    }
    long withEmail = missions.stream().filter(m -> m.email().isPresent()).count();
    int languages = 1 + (int) c.delivery().attachLanguages().stream()
        .filter(l -> !l.equals(c.delivery().sendLanguage())).count();
    out.println(campaign + " is valid: campaign " + c.id());
    out.println("  " + Formats.count(missions.size(), "letter") + " (" + c.delivery().sendLanguage() + "), " + withEmail
        + " to missions with a published email, " + (missions.size() - withEmail) + " by post");
    out.println("  " + Formats.count(missions.size() * languages, "document") + " laid out in memory; every character has a font");
    out.println("  " + Formats.count(c.signatories().count(), "co-signatory", "co-signatories") + "; channel " + c.delivery().channel()
        + (c.delivery().attachLanguages().isEmpty() ? "" : "; attached translations: " + String.join(", ", c.delivery().attachLanguages())));
    return DemarcheCli.DONE;
  }
}
