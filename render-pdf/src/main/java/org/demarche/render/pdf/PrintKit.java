package org.demarche.render.pdf;

import org.demarche.core.files.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.demarche.core.model.Letter;
import org.demarche.core.model.Rendition;
import org.demarche.core.model.SafeNames;
import org.demarche.render.pdf.internal.AddressSheet;

/**
 * What an NGO needs to post its letters: all letters in one PDF, in the order given (pass them in
 * mission order), and a PDF of DL envelopes (220 × 110 mm) in the same order, each with the sender's
 * return address and the mission's postal address in Latin script and, where known, the local script.
 *
 * <pre>{@code
 * List<Path> files = PrintKit.of(PdfRenderer.defaults()).write(letters, Path.of("post"));
 * }</pre>
 */
public final class PrintKit {
  private final PdfRenderer renderer;

  private PrintKit(PdfRenderer renderer) {
    this.renderer = renderer;
  }

  /** A print kit that sets letters as {@code renderer} does. */
  public static PrintKit of(PdfRenderer renderer) {
    return new PrintKit(Objects.requireNonNull(renderer, "renderer"));
  }

  /** All letters in one PDF, each starting on a new page with its own page numbers. */
  public Rendition letters(List<Letter> letters) {
    Letter first = requireLetters(letters);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    renderer.engine().writeCombined(letters, first.subject(), out);
    return new Rendition(first.campaignId() + ".letters.pdf", PdfRenderer.MEDIA_TYPE, first.language(),
        out.toByteArray());
  }

  /** One DL envelope page per letter, in the same order as {@link #letters}. */
  public Rendition envelopes(List<Letter> letters) {
    Letter first = requireLetters(letters);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AddressSheet.write(renderer.engine().fonts(), letters, "Envelopes: " + first.subject(),
        renderer.options().pdfA(), out);
    return new Rendition(first.campaignId() + ".envelopes.pdf", PdfRenderer.MEDIA_TYPE, first.language(),
        out.toByteArray());
  }

  /**
   * Writes the letters' PDF and the envelopes' PDF into {@code folder} (created if missing) and
   * returns the two files.
   */
  public List<Path> write(List<Letter> letters, Path folder) {
    try {
      Files.createDirectories(folder);
      Rendition all = letters(letters);
      Rendition env = envelopes(letters);
      Path a = SafeNames.inside(folder, all.fileName());
      Path b = SafeNames.inside(folder, env.fileName());
      AtomicFiles.write(a, o -> o.write(all.content()));
      AtomicFiles.write(b, o -> o.write(env.content()));
      return List.of(a, b);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the print kit into " + folder + ": " + e.getMessage(), e);
    }
  }

  private static Letter requireLetters(List<Letter> letters) {
    Objects.requireNonNull(letters, "letters");
    if (letters.isEmpty()) {
      throw new IllegalArgumentException("a print kit needs at least one letter");
    }
    return letters.get(0);
  }
}
