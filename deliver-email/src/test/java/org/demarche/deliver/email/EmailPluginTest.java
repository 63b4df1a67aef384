package org.demarche.deliver.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.demarche.core.guice.DemarcheModule;
import org.demarche.core.Demarche;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.demarche.core.model.Addressee;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.DeliverySettings;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Petition;
import org.demarche.core.model.RecipientSelection;
import org.demarche.core.model.RetryPolicy;
import org.demarche.core.model.Settings;
import org.demarche.core.model.Signatories;
import org.demarche.core.model.Signer;
import org.demarche.core.contract.Fixtures;
import org.demarche.core.spi.ChannelContext;
import org.demarche.core.spi.ChannelFactory;
import org.demarche.core.spi.DeliveryChannel;
import org.demarche.core.spi.DemarchePlugin;
import org.demarche.core.spi.DirectoryFactory;
import org.demarche.core.spi.PluginRegistry;
import org.demarche.core.spi.RendererFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the plugin plugs in: ServiceLoader, explicit install, Guice, factories. */
class EmailPluginTest {

  static Map<String, ChannelFactory> installed() {
    Map<String, ChannelFactory> channels = new HashMap<>();
    new EmailPlugin().install(new PluginRegistry() {
      @Override
      public void channel(String name, ChannelFactory factory) {
        channels.putIfAbsent(name, factory);
      }

      @Override
      public void renderer(String name, RendererFactory factory) {
        throw new AssertionError("the email plugin registers no renderer");
      }

      @Override
      public void directories(DirectoryFactory factory) {
        throw new AssertionError("the email plugin registers no directory");
      }
    });
    return channels;
  }

  static Campaign campaign(String channel, Settings options) {
    Petition petition = new Petition("en", new Addressee("Xi Jinping", "President", "Dear Mr. President:"),
        "Petition", "We ask you to end forced repatriation.", "Sincerely,", Signer.of("Hiroshi Kato", "Director"),
        LocalDate.of(2026, 9, 24), Map.of());
    return new Campaign("test-campaign", Fixtures.sender(), petition, Signatories.none(), Disclosure.FULL,
        new RecipientSelection(List.of("bundled"), List.of(), Optional.of("CN"), Optional.of("JP"), java.util.Set.of()),
        new DeliverySettings(channel, "pdf", Map.of(channel, options), "en", List.of(), RetryPolicy.defaults()),
        Path.of("campaign.yaml"));
  }

  @Test
  void serviceLoaderFindsThePlugin() {
    assertThat(ServiceLoader.load(DemarchePlugin.class).stream().map(p -> p.get().name()))
        .contains("deliver-email");
  }

  @Test
  void registersSmtpAndOutbox() {
    assertThat(installed()).containsOnlyKeys("smtp", "outbox");
  }

  @Test
  void guiceBindsBothChannelsByNameOnceHoweverOftenInstalled() {
    Injector injector = Guice.createInjector(Stage.PRODUCTION, new DemarcheModule(), new EmailModule(), new EmailModule());
    Demarche demarche = injector.getInstance(Demarche.class);
    assertThat(demarche.plugins()).containsExactly("deliver-email");
    assertThat(demarche.channelNames()).containsExactly("outbox", "smtp");
  }

  @Test
  void smtpFactoryValidatesWithLocatedProblems() {
    Settings settings = SmtpSettingsTest.section(SmtpSettingsTest.map("host", "mail.example.org", "tls", "none"));
    assertThat(installed().get("smtp").validate(settings)).extracting(p -> p.location().toString())
        .containsExactly("campaign.yaml:32:5");
  }

  @Test
  void smtpFactoryOpensAChannelWithThePasswordFromTheContextsEnvironment(@TempDir Path out) {
    Settings settings = SmtpSettingsTest.section(SmtpSettingsTest.map("host", "smtp.example.org", "username",
        "campaigns@example.org"));
    ChannelFactory smtp = installed().get("smtp");
    try (DeliveryChannel channel = smtp.open(new ChannelContext(settings, out,
        Map.of("DEMARCHE_SMTP_PASSWORD", "s3cret")))) {
      assertThat(channel.name()).isEqualTo("smtp");
    }
  }

  @Test
  void smtpFactoryNamesTheMissingPasswordVariableAtTheUsernameLine(@TempDir Path out) {
    Settings settings = SmtpSettingsTest.section(SmtpSettingsTest.map("host", "smtp.example.org", "username",
        "campaigns@example.org"));
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> installed().get("smtp")
        .open(new ChannelContext(settings, out, Map.of())));
    assertThat(e.problems()).extracting(Object::toString).containsExactly("campaign.yaml:32:5: delivery.smtp.username:"
        + " the SMTP password for campaigns@example.org is missing: set the environment variable"
        + " DEMARCHE_SMTP_PASSWORD (a secret is never read from the campaign file or a command-line argument)");
  }

  @Test
  void outboxFactoryWritesIntoTheRunsOutputFolder(@TempDir Path out) {
    Settings none = Settings.empty("delivery.outbox");
    try (DeliveryChannel channel = installed().get("outbox")
        .open(new ChannelContext(none, out.resolve("outbox"), Map.of()))) {
      channel.deliver(TestLetters.envelope(Fixtures.letterTo(Fixtures.osaka())));
    }
    assertThat(out.resolve("outbox").resolve("cn-cg-jp-osaka.eml")).isRegularFile();
  }

  @Test
  void outboxFactoryTakesNoOptions() {
    Settings settings = SmtpSettingsTest.section(SmtpSettingsTest.map("folder", "/tmp"));
    assertThat(installed().get("outbox").validate(settings)).extracting(p -> p.field())
        .containsExactly("delivery.smtp.folder");
  }
}
