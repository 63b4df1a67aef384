package org.demarche.examples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.demarche.core.model.Campaign;
import picocli.CommandLine.Option;

/**
 * The option every command that loads a campaign shares: the folders, besides the campaign's own, whose
 * files the campaign may name. Without it a campaign reads only files in its own folder.
 */
final class CampaignFolders {
  @Option(names = "--allow-dir", paramLabel = "DIR",
      description = {"let the campaign name files in DIR as well as in its own folder (repeatable); without it,",
          "a file named by .., an absolute path or a link leading outside the campaign's folder is refused"})
  List<Path> allowed = new ArrayList<>();

  /** Loads {@code file} with these folders allowed. */
  Campaign load(Path file) {
    return Engine.demarche().load(file, allowed);
  }
}
