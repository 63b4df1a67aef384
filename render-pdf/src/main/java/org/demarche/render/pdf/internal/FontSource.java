package org.demarche.render.pdf.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.fontbox.ttf.OTFParser;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.demarche.core.model.RenderException;

/**
 * One font file's bytes, read once and shared by every thread; each thread parses its own
 * {@link TrueTypeFont} from them (a parsed font reads its tables lazily and is not thread-safe).
 *
 * @param name a name for messages, e.g. "Liberation Serif"
 * @param origin where the bytes came from, for messages
 * @param data the font file
 * @param postScriptOutlines true for an OpenType font with CFF outlines, which PDFBox can embed
 *     whole but not subset
 */
public record FontSource(String name, String origin, byte[] data, boolean postScriptOutlines) {
  public FontSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(data, "data");
  }

  /** Bundled fonts, read and checked once per class loader: megabytes each, the same for every renderer. */
  private static final java.util.Map<String, FontSource> BUNDLED = new java.util.concurrent.ConcurrentHashMap<>();

  /** Reads a font bundled on the class path (once: a font source is immutable and shared). */
  public static FontSource resource(String name, String resource) {
    return BUNDLED.computeIfAbsent(name + "\n" + resource, k -> read(name, resource));
  }

  private static FontSource read(String name, String resource) {
    try (InputStream in = FontSource.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new RenderException("The bundled font " + name + " (" + resource + ") is missing from the class path;"
            + " the render-pdf jar and com.github.librepdf:openpdf-fonts-extra must both be on it");
      }
      return check(name, resource, in.readAllBytes());
    } catch (IOException e) {
      throw new RenderException("Cannot read the bundled font " + resource + ": " + e.getMessage(), e);
    }
  }

  /** Reads a user's TrueType or OpenType font file. */
  public static FontSource file(Path file) {
    byte[] data;
    try {
      data = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new RenderException("Cannot read the font file " + file + ": " + e, e);
    }
    String fileName = file.getFileName().toString();
    return check(fileName.replaceFirst("\\.[^.]*$", ""), fileName, data);
  }

  private static FontSource check(String name, String origin, byte[] data) {
    if (data.length >= 4 && data[0] == 't' && data[1] == 't' && data[2] == 'c' && data[3] == 'f') {
      throw new RenderException("The font " + origin + " is a font collection (.ttc/.otc), which PDFBox cannot embed;"
          + " name a single .ttf or .otf font instead");
    }
    boolean cff = data.length >= 4 && data[0] == 'O' && data[1] == 'T' && data[2] == 'T' && data[3] == 'O';
    FontSource source = new FontSource(name, origin, data, cff);
    try (TrueTypeFont probe = source.parse()) {
      if (probe.getUnicodeCmapLookup(false) == null) {
        throw new RenderException("The font " + origin + " has no Unicode character map; name a Unicode TrueType font");
      }
    } catch (IOException e) {
      throw new RenderException("The font " + origin + " is not a readable TrueType/OpenType font: " + e.getMessage(), e);
    }
    return source;
  }

  /** Parses a fresh font from the shared bytes, with glyph substitution (GSUB) off. */
  public TrueTypeFont parse() throws IOException {
    TrueTypeFont ttf;
    if (postScriptOutlines) {
      OpenTypeFont otf = new OTFParser(true).parse(new RandomAccessReadBuffer(data));
      ttf = otf;
    } else {
      ttf = new TTFParser(true).parse(new RandomAccessReadBuffer(data));
    }
    // Latin and CJK text need no shaping; PDFBox's GSUB path costs most of the drawing time.
    ttf.setEnableGsub(false);
    return ttf;
  }

  @Override
  public String toString() {
    return name;
  }
}
