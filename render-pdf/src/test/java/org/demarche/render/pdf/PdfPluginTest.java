package org.demarche.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.demarche.core.guice.DemarcheModule;
import org.demarche.core.Demarche;
import com.google.inject.Guice;
import com.google.inject.Stage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;
import org.demarche.core.model.Settings;
import org.demarche.core.spi.ChannelFactory;
import org.demarche.core.spi.DemarchePlugin;
import org.demarche.core.spi.DirectoryFactory;
import org.demarche.core.spi.LetterRenderer;
import org.demarche.core.spi.PluginRegistry;
import org.demarche.core.spi.RendererFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfPluginTest {
  static RendererFactory factory() {
    Map<String, RendererFactory> found = new HashMap<>();
    new PdfPlugin().install(new PluginRegistry() {
      @Override
      public void channel(String name, ChannelFactory f) {}

      @Override
      public void renderer(String name, RendererFactory f) {
        found.put(name, f);
      }

      @Override
      public void directories(DirectoryFactory f) {}
    });
    assertThat(found).containsOnlyKeys("pdf");
    return found.get("pdf");
  }

  static Settings settings(Map<String, String> values, Path base) {
    Map<String, Location> where = new HashMap<>();
    values.keySet().forEach(k -> where.put(k, Location.of("campaign.yaml")));
    return new Settings("delivery.pdf", values, where, Location.of("campaign.yaml"), base);
  }

  @Test
  void isFoundByServiceLoaderUnderItsArtifactName() {
    assertThat(ServiceLoader.load(DemarchePlugin.class).stream().map(p -> p.get().name()))
        .contains("render-pdf");
  }

  @Test
  void reportsEveryBadOptionWithItsField(@TempDir Path tmp) {
    List<Problem> problems = factory().validate(settings(Map.of("paper", "a5", "pdfa", "maybe",
        "fonts", "missing.ttf", "signatureImage", "sig.gif", "colour", "red"), tmp));
    assertThat(problems).extracting(Problem::field).containsExactlyInAnyOrder("delivery.pdf.paper",
        "delivery.pdf.pdfa", "delivery.pdf.fonts", "delivery.pdf.signatureImage", "delivery.pdf.colour");
    assertThat(problems).extracting(Problem::message).contains("must be a4 or letter, not 'a5'",
        "must be true or false, not 'maybe'");
  }

  @Test
  void createsARendererFromGoodOptionsAndRefusesBadOnes(@TempDir Path tmp) {
    LetterRenderer r = factory().create(settings(Map.of("paper", "letter", "pdfa", "false"), tmp));
    assertThat(r.render(Letters.english()).size()).isPositive();
    assertThatThrownBy(() -> factory().create(settings(Map.of("paper", "a5"), tmp)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("a5");
  }

  @Test
  void bindsThePdfRendererByNameInGuiceOnceHoweverOftenInstalled() {
    var injector = Guice.createInjector(Stage.PRODUCTION, new DemarcheModule(), new PdfModule(), new PdfModule());
    Demarche demarche = injector.getInstance(Demarche.class);
    assertThat(demarche.plugins()).containsExactly("render-pdf");
    assertThat(demarche.rendererNames()).containsExactly("pdf");
  }
}
