package org.demarche.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.demarche.core.model.Campaign;
import org.demarche.core.Demarche;
import org.demarche.core.model.Letter;
import org.demarche.core.model.Rendition;
import org.demarche.core.files.AtomicFiles;
import org.demarche.core.model.SafeNames;
import org.demarche.core.spi.LetterRenderer;
import org.demarche.render.pdf.Previews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "render", mixinStandardHelpOptions = true,
    description = "Render every letter (and its attached translations) to PDF without delivering or journaling anything.")
final class RenderCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "CAMPAIGN", description = "the campaign file")
  Path campaignFile;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "where the PDFs go")
  Path out;

  @Option(names = "--preview", description = "also write page 1 of each letter as a PNG")
  boolean preview;

  @Option(names = "--dpi", defaultValue = "110", description = "resolution of the previews (default 110)")
  int dpi;

  @picocli.CommandLine.Mixin
  CampaignFolders folders = new CampaignFolders();

  @Override
  public Integer call() throws Exception {
    Demarche demarche = Engine.demarche();
    Campaign campaign = demarche.load(campaignFile, folders.allowed);
    LetterRenderer renderer = demarche.renderer(campaign);
    Formats.folder(out, "--out");
    int files = 0;
    for (Letter letter : demarche.plan(campaign)) {
      List<Letter> all = new java.util.ArrayList<>();
      all.add(letter);
      all.addAll(demarche.attachments(campaign, letter));
      for (Letter l : all) {
        Rendition r = renderer.render(l);
        write(r.fileNameFor(l), r.content());
        files++;
        if (preview && l == letter) {
          write(r.fileNameFor(l).replaceAll("\\.pdf$", "") + ".png", Previews.firstPagePng(r, dpi));
          files++;
        }
      }
    }
    spec.commandLine().getOut().println("Wrote " + Formats.count(files, "file") + " into " + out.toAbsolutePath().normalize());
    return DemarcheCli.DONE;
  }

  private void write(String name, byte[] bytes) throws java.io.IOException {
    AtomicFiles.write(SafeNames.inside(out, name), o -> o.write(bytes));
  }
}
