package org.demarche.examples.cli;

import java.nio.file.Path;
import java.util.List;
import org.demarche.core.model.Letter;
import org.demarche.render.pdf.PdfRenderer;
import org.demarche.render.pdf.PrintKit;

/** The postal print kit: all postal letters and their translations in one PDF for a duplex printer, and a DL envelope page for each. */
final class PrintKits {
  private PrintKits() {}

  static List<Path> write(Path folder, List<PrintKit.Item> items) {
    return write(folder, items, "");
  }

  /** With a note after the cover sheet's heading (the post-by day of a scheduled campaign). */
  static List<Path> write(Path folder, List<PrintKit.Item> items, String coverNote) {
    return PrintKit.of(Renderer.PDF).write(items, folder, coverNote);
  }

  /**
   * One renderer for the runner's own PDFs (print kit, delivery report), made on first use, so that each thread parses
   * its fonts once rather than once a run.
   */
  static final class Renderer {
    static final PdfRenderer PDF = PdfRenderer.defaults();

    private Renderer() {}
  }

  /** The files a kit of campaign {@code campaignId} is written to (as {@link PrintKit#write} names them). */
  static List<Path> files(Path folder, String campaignId) {
    return List.of(folder.resolve(campaignId + ".letters.pdf"), folder.resolve(campaignId + ".envelopes.pdf"));
  }
}
