package org.demarche.examples.cli;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.demarche.core.model.LetterOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code demarche outcome CAMPAIGN MISSION replied|refused|returned|bounced --on DATE [--note TEXT]}. */
@Command(name = "outcome", mixinStandardHelpOptions = true,
    description = {"Record what came back of a letter: replied, refused, returned (by the post) or bounced.",
        "Kept in the campaign's journal beside the letter's state, which it does not change: no run sends the letter"
            + " again because of it. status and report show it."})
final class OutcomeCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  LetterFollowUp target = new LetterFollowUp();

  @Parameters(index = "2", paramLabel = "replied|refused|returned|bounced", description = "what came back")
  String kind;

  @Option(names = "--note", paramLabel = "TEXT", description = "a note: who replied, what the envelope said, ...")
  String note;

  @Override
  public Integer call() {
    LetterOutcome.Kind k = LetterOutcome.Kind.of(kind).filter(x -> x != LetterOutcome.Kind.POSTED)
        .orElseThrow(() -> new IllegalArgumentException("'" + kind + "' is no outcome: say replied, refused,"
            + " returned or bounced (a letter handed to the post is recorded with 'demarche posted')"));
    String journal = target.record((status, day) -> new LetterOutcome(status.letterId(), k, day, Instant.now(),
        Optional.empty(), Optional.ofNullable(note)));
    spec.commandLine().getOut().println("recorded: " + target.letter + " " + k.word() + " on "
        + LetterFollowUp.day(target.on) + " (journal " + journal + ")");
    return DemarcheCli.DONE;
  }
}
