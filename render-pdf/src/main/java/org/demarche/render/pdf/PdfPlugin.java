package org.demarche.render.pdf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.demarche.core.model.DemarcheException;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Problem;
import org.demarche.core.model.Settings;
import org.demarche.core.spi.DemarchePlugin;
import org.demarche.core.spi.LetterRenderer;
import org.demarche.core.spi.PluginRegistry;
import org.demarche.core.spi.RendererFactory;

/**
 * The {@code render-pdf} plugin: registers the renderer {@code pdf}. Its options, from the campaign
 * file: {@code paper} ({@code a4} or {@code letter}), {@code fonts} (font files, comma-separated,
 * relative to the campaign file), {@code signatureImage} (a PNG or JPEG, relative to the campaign
 * file), {@code pdfa} ({@code true} or {@code false}).
 */
public final class PdfPlugin implements DemarchePlugin {
  /** The name a campaign gives the renderer. */
  public static final String RENDERER = "pdf";

  @Override
  public String name() {
    return "render-pdf";
  }

  @Override
  public void install(PluginRegistry registry) {
    registry.renderer(RENDERER, new Factory());
  }

  static final class Factory implements RendererFactory {
    private static final List<String> KEYS = List.of("paper", "fonts", "signatureImage", "pdfa");

    @Override
    public List<Problem> validate(Settings settings) {
      List<Problem> problems = new ArrayList<>();
      options(settings, problems);
      return List.copyOf(problems);
    }

    @Override
    public LetterRenderer create(Settings settings) {
      List<Problem> problems = new ArrayList<>();
      PdfOptions options = options(settings, problems);
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
      try {
        return PdfRenderer.create(options);
      } catch (DemarcheException e) {
        throw new InvalidInputException(List.of(settings.problem("fonts", e.getMessage())));
      }
    }

    static PdfOptions options(Settings settings, List<Problem> problems) {
      PdfOptions options = PdfOptions.defaults();
      for (String key : settings.values().keySet()) {
        if (!KEYS.contains(key)) {
          problems.add(settings.problem(key, "is not an option of the pdf renderer; known options: "
              + String.join(", ", KEYS)));
        }
      }
      Optional<String> paper = settings.text("paper");
      if (paper.isPresent()) {
        Optional<Paper> p = Paper.named(paper.get());
        if (p.isPresent()) {
          options = options.withPaper(p.get());
        } else {
          problems.add(settings.problem("paper", "must be a4 or letter, not '" + paper.get() + "'"));
        }
      }
      Optional<String> fonts = settings.text("fonts");
      if (fonts.isPresent()) {
        List<Path> files = new ArrayList<>();
        for (String f : fonts.get().split(",")) {
          if (f.isBlank()) {
            continue;
          }
          Path file = settings.baseDir().resolve(f.strip());
          String lower = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
          if (!lower.endsWith(".ttf") && !lower.endsWith(".otf")) {
            problems.add(settings.problem("fonts", "'" + f.strip() + "' is not a .ttf or .otf font file"));
          } else if (!java.nio.file.Files.isRegularFile(file)) {
            problems.add(settings.problem("fonts", "the font file " + file + " does not exist"));
          } else {
            files.add(file);
          }
        }
        options = options.withFonts(files);
      }
      Optional<String> image = settings.text("signatureImage");
      if (image.isPresent()) {
        Path file = settings.baseDir().resolve(image.get().strip());
        String lower = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!(lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg"))) {
          problems.add(settings.problem("signatureImage", "must be a .png or .jpg image, not '" + image.get() + "'"));
        } else if (!java.nio.file.Files.isRegularFile(file)) {
          problems.add(settings.problem("signatureImage", "the image " + file + " does not exist"));
        } else {
          options = options.withSignatureImage(file);
        }
      }
      Optional<String> pdfa = settings.text("pdfa");
      if (pdfa.isPresent()) {
        String v = pdfa.get().strip();
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
          options = options.withPdfA(Boolean.parseBoolean(v));
        } else {
          problems.add(settings.problem("pdfa", "must be true or false, not '" + pdfa.get() + "'"));
        }
      }
      return options;
    }
  }
}
