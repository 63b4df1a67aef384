package org.demarche.render.pdf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.demarche.core.model.Values;

/**
 * The {@code delivery.pdf} section of a campaign file, as {@link org.demarche.core.model.Settings#bind} reads
 * it: each component is a key. Absent keys take {@link PdfOptions#defaults()}.
 *
 * @param paper {@code a4} or {@code letter}
 * @param fonts font files (.ttf or .otf), relative to the campaign file
 * @param signatureImage a PNG or JPEG, relative to the campaign file
 * @param pdfa {@code true} or {@code false}
 */
record PdfSection(Optional<Paper> paper, List<Path> fonts, Optional<Path> signatureImage, Optional<Boolean> pdfa) {
  PdfSection {
    // Every font and the image are checked, so that one run reports each missing file.
    Values.checkAll(Stream.concat(fonts.stream().map(f -> (Runnable) () -> font(f)),
        signatureImage.stream().map(i -> (Runnable) () -> image(i))).toArray(Runnable[]::new));
  }

  /** The renderer's options: these settings over the defaults. */
  PdfOptions options() {
    PdfOptions defaults = PdfOptions.defaults();
    return new PdfOptions(paper.orElse(defaults.paper()), fonts, signatureImage, pdfa.orElse(defaults.pdfA()));
  }

  private static void font(Path file) {
    if (!endsWith(file, ".ttf", ".otf")) {
      throw new IllegalArgumentException("fonts must be .ttf or .otf font files, not '" + file.getFileName() + "'");
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("fonts names a font file that does not exist: " + file);
    }
  }

  private static void image(Path file) {
    if (!endsWith(file, ".png", ".jpg", ".jpeg")) {
      throw new IllegalArgumentException("signatureImage must be a .png or .jpg image, not '" + file.getFileName() + "'");
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("signatureImage names an image that does not exist: " + file);
    }
  }

  private static boolean endsWith(Path file, String... extensions) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return Stream.of(extensions).anyMatch(name::endsWith);
  }
}
