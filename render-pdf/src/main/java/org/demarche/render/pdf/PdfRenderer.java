package org.demarche.render.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.demarche.core.model.Letter;
import org.demarche.core.model.RenderException;
import org.demarche.core.model.Rendition;
import org.demarche.core.spi.LetterRenderer;
import org.demarche.render.pdf.internal.Engine;
import org.demarche.render.pdf.internal.FontSet;
import org.demarche.render.pdf.internal.FontSource;
import org.demarche.render.pdf.internal.Geometry;

/**
 * Renders a {@link Letter} as a PDF/A-2b letter: letterhead, date, recipient "via" the mission,
 * subject, justified body, signature, page numbers, and an appendix of co-signatories.
 *
 * <p>Fonts are read when the renderer is created and parsed once per thread; a renderer is safe to
 * share between threads and cheap to call. Create one per campaign:
 *
 * <pre>{@code
 * PdfRenderer pdf = PdfRenderer.defaults();
 * Rendition r = pdf.render(letter);   // r.fileName() is "<letter id>.<language>.pdf"
 * }</pre>
 */
public final class PdfRenderer implements LetterRenderer {
  /** The media type of every rendition. */
  public static final String MEDIA_TYPE = "application/pdf";

  private final PdfOptions options;
  private final Engine engine;
  private final Optional<PdfSigner> signer;

  private PdfRenderer(PdfOptions options, Engine engine) {
    this(options, engine, Optional.empty());
  }

  private PdfRenderer(PdfOptions options, Engine engine, Optional<PdfSigner> signer) {
    this.options = options;
    this.engine = engine;
    this.signer = signer;
  }

  /** This renderer, signing every letter it renders with {@code signer} (print kits are not signed). */
  public PdfRenderer signedBy(PdfSigner signer) {
    return new PdfRenderer(options, engine, Optional.of(Objects.requireNonNull(signer, "signer")));
  }

  /** Who signs this renderer's letters, if anyone. */
  public Optional<PdfSigner> signer() {
    return signer;
  }

  /**
   * A renderer with {@code options}. Reads every font and the signature image now.
   *
   * @throws RenderException if a font or the image cannot be read
   */
  public static PdfRenderer create(PdfOptions options) {
    Objects.requireNonNull(options, "options");
    List<FontSource> user = options.fonts().stream().map(FontSource::file).toList();
    Optional<byte[]> signature = options.signatureImage().map(PdfRenderer::readImage);
    Geometry g = Geometry.of(options.paper().width(), options.paper().height());
    return new PdfRenderer(options, new Engine(FontSet.withDefaults(user), g, signature, options.pdfA()));
  }

  /** A renderer with {@link PdfOptions#defaults()}. */
  public static PdfRenderer defaults() {
    return create(PdfOptions.defaults());
  }

  private static byte[] readImage(Path file) {
    byte[] data;
    try {
      data = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new RenderException("Cannot read the signature image " + file + ": " + e, e);
    }
    boolean png = data.length > 8 && (data[0] & 0xFF) == 0x89 && data[1] == 'P' && data[2] == 'N' && data[3] == 'G';
    boolean jpeg = data.length > 3 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xD8;
    if (!png && !jpeg) {
      throw new RenderException("The signature image " + file + " is neither PNG nor JPEG");
    }
    return data;
  }

  @Override
  public String mediaType() {
    return MEDIA_TYPE;
  }

  /**
   * Renders {@code letter}.
   *
   * @throws RenderException naming the character and the paragraph when no font can draw a character
   */
  @Override
  public Rendition render(Letter letter) {
    Objects.requireNonNull(letter, "letter");
    byte[] pdf = engine.render(letter);
    return new Rendition(fileName(letter), MEDIA_TYPE, letter.language(),
        signer.isPresent() ? signer.get().sign(pdf, letter.date()) : pdf);
  }

  /** Writes {@code letter} as PDF to {@code out}, which stays open: for letters too big to hold as bytes. */
  public void write(Letter letter, OutputStream out) {
    if (signer.isEmpty()) {
      engine.write(Objects.requireNonNull(letter, "letter"), Objects.requireNonNull(out, "out"));
      return;
    }
    try {
      out.write(render(letter).content()); // a signature covers the whole file: signed in memory
    } catch (IOException e) {
      throw new RenderException("Letter " + letter.id() + " could not be written: " + e.getMessage(), e);
    }
  }

  /** The file name of a letter's rendition: {@code <letter id>.<language>.pdf}. */
  public static String fileName(Letter letter) {
    return letter.id() + "." + letter.language() + ".pdf";
  }

  /** The options this renderer was made with. */
  public PdfOptions options() {
    return options;
  }

  Engine engine() {
    return engine;
  }
}
