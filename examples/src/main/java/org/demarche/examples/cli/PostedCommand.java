package org.demarche.examples.cli;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.demarche.core.model.LetterOutcome;
import org.demarche.core.model.LetterState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code demarche posted CAMPAIGN MISSION --on DATE [--tracking ID]}: a letter from the print kit went in the post. */
@Command(name = "posted", mixinStandardHelpOptions = true,
    description = {"Record that a letter from the print kit was posted, with its tracking number if it has one.",
        "Only for letters that go by post; status and report show it."})
final class PostedCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  LetterFollowUp target = new LetterFollowUp();

  @Option(names = "--tracking", paramLabel = "ID", description = "the post's tracking number (e.g. EJ123456789JP)")
  String tracking;

  @Override
  public Integer call() {
    String journal = target.record((s, day) -> {
      if (s.state() != LetterState.BY_POST) {
        throw new IllegalArgumentException("the letter to " + target.letter + " did not go by post (its journal says "
            + s.state().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " on " + s.at() + "): posted is for"
            + " letters in the print kit; record what came back of it with 'demarche outcome'");
      }
      return new LetterOutcome(s.letterId(), LetterOutcome.Kind.POSTED, day, Instant.now(),
          Optional.ofNullable(tracking), Optional.empty());
    });
    spec.commandLine().getOut().println("recorded: " + target.letter + " posted on " + LetterFollowUp.day(target.on)
        + (tracking == null ? "" : ", tracking " + tracking) + " (journal " + journal + ")");
    return DemarcheCli.DONE;
  }
}
