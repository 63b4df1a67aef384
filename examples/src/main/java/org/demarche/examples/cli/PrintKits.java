package org.demarche.examples.cli;

import java.nio.file.Path;
import java.util.List;
import org.demarche.render.pdf.PdfRenderer;
import org.demarche.render.pdf.PrintKit;

/** The postal print kit: all postal letters in one PDF, and a DL envelope page for each. */
final class PrintKits {
  private PrintKits() {}

  static List<Path> write(Path folder, List<PostalKit.Posted> posted) {
    return PrintKit.of(PdfRenderer.defaults()).write(posted.stream().map(PostalKit.Posted::letter).toList(), folder);
  }
}
