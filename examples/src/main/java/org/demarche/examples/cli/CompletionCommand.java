package org.demarche.examples.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code demarche completion}: a bash completion script (zsh loads it through bashcompinit), from picocli. */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = {"Print a shell completion script for demarche (bash; zsh after `autoload -U bashcompinit && bashcompinit`).",
        "Install: demarche completion > ~/.local/share/bash-completion/completions/demarche",
        "or for this shell only: source <(demarche completion)"})
final class CompletionCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    String script = AutoComplete.bash("demarche", spec.root().commandLine());
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
  }
}
