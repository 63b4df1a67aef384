package org.demarche.render.pdf;

import java.util.List;
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
 * file's {@code delivery.pdf} section: {@code paper} ({@code a4} or {@code letter}), {@code fonts} (font
 * files, a list or comma-separated, relative to the campaign file), {@code signatureImage} (a PNG or JPEG,
 * relative to the campaign file), {@code pdfa} ({@code true} or {@code false}).
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
    registry.defaultRenderer(RENDERER);
  }

  static final class Factory implements RendererFactory {
    @Override
    public List<Problem> validate(Settings settings) {
      return settings.check(PdfSection.class);
    }

    @Override
    public LetterRenderer create(Settings settings) {
      PdfOptions options = settings.bind(PdfSection.class).options();
      try {
        return PdfRenderer.create(options);
      } catch (DemarcheException e) {
        throw new InvalidInputException(List.of(settings.problem("fonts", e.getMessage())));
      }
    }
  }
}
