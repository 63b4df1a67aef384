package org.demarche.render.pdf;

import java.util.List;
import java.util.Map;
import org.demarche.core.model.DemarcheException;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Problem;
import org.demarche.core.model.Settings;
import org.demarche.core.spi.DemarchePlugin;
import org.demarche.core.spi.LetterRenderer;
import org.demarche.core.spi.PluginRegistry;
import org.demarche.core.spi.RendererFactory;
import org.demarche.core.spi.Secrets;

/**
 * The {@code render-pdf} plugin: registers the renderer {@code pdf}. Its options, from the campaign
 * file's {@code delivery.pdf} section: {@code paper} ({@code a4} or {@code letter}), {@code fonts} (font
 * files, a list or comma-separated, relative to the campaign file), {@code signatureImage} (a PNG or JPEG,
 * relative to the campaign file), {@code pdfa} ({@code true} or {@code false}); to sign every letter
 * ({@link PdfSigner}), {@code signKeystore} (a PKCS#12 file relative to the campaign file), {@code signPasswordEnv}
 * (the environment variable with its password, {@code DEMARCHE_SIGN_PASSWORD} by default), {@code signReason}
 * and {@code signLocation}.
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

    /** Also opens the signing keystore when its password is in {@code environment}. */
    @Override
    public List<Problem> validate(Settings settings, Map<String, String> environment) {
      List<Problem> problems = validate(settings);
      if (!problems.isEmpty()) {
        return problems;
      }
      PdfSection section = settings.bind(PdfSection.class);
      String password = environment.get(section.passwordVariable());
      if (section.signKeystore().isEmpty() || password == null || password.isEmpty()) {
        return List.of();
      }
      try {
        signer(section, password);
        return List.of();
      } catch (IllegalArgumentException e) {
        return List.of(settings.problem("signKeystore", e.getMessage()));
      }
    }

    @Override
    public List<Problem> warnings(Settings settings, Map<String, String> environment) {
      if (!validate(settings).isEmpty()) {
        return List.of();
      }
      PdfSection section = settings.bind(PdfSection.class);
      String variable = section.passwordVariable();
      if (section.signKeystore().isEmpty() || environment.getOrDefault(variable, "").length() > 0) {
        return List.of();
      }
      return List.of(settings.problem(section.signPasswordEnv().isPresent() ? "signPasswordEnv" : "signKeystore",
          "the keystore's password is not set, so whether it opens was not checked, and `run` will refuse to sign"
              + " until it is: set the environment variable " + variable));
    }

    /** The renderer without its signature: lays letters out as a run would. */
    @Override
    public LetterRenderer create(Settings settings) {
      PdfOptions options = settings.bind(PdfSection.class).options();
      try {
        return PdfRenderer.create(options);
      } catch (DemarcheException e) {
        throw new InvalidInputException(List.of(settings.problem("fonts", e.getMessage())));
      }
    }

    /** The renderer a run uses: it signs each letter when the settings name a keystore. */
    @Override
    public LetterRenderer create(Settings settings, Map<String, String> environment) {
      PdfRenderer renderer = (PdfRenderer) create(settings);
      PdfSection section = settings.bind(PdfSection.class);
      if (section.signKeystore().isEmpty()) {
        return renderer;
      }
      String password;
      try {
        password = Secrets.require(environment, section.passwordVariable(),
            "password of the signing keystore " + section.signKeystore().get().getFileName());
      } catch (Secrets.MissingSecretException e) {
        throw new InvalidInputException(List.of(settings.problem(
            section.signPasswordEnv().isPresent() ? "signPasswordEnv" : "signKeystore", e.getMessage())));
      }
      try {
        return renderer.signedBy(signer(section, password));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(List.of(settings.problem("signKeystore", e.getMessage())));
      }
    }

    private static PdfSigner signer(PdfSection section, String password) {
      return PdfSigner.fromKeystore(section.signKeystore().get(), password, section.signReason(), section.signLocation());
    }
  }
}
