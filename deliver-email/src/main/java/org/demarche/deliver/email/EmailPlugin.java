package org.demarche.deliver.email;

import java.util.List;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Problem;
import org.demarche.core.model.Settings;
import org.demarche.core.spi.ChannelContext;
import org.demarche.core.spi.ChannelFactory;
import org.demarche.core.spi.DeliveryChannel;
import org.demarche.core.spi.DemarchePlugin;
import org.demarche.core.spi.PluginRegistry;
import org.demarche.core.spi.Secrets;

/**
 * The {@code deliver-email} plugin: registers the channels {@code smtp} ({@link SmtpChannel}) and
 * {@code outbox} ({@link OutboxChannel}). Found by {@link java.util.ServiceLoader}, or installed explicitly.
 */
public final class EmailPlugin implements DemarchePlugin {

  @Override
  public String name() {
    return "deliver-email";
  }

  @Override
  public void install(PluginRegistry registry) {
    registry.channel(SmtpChannel.NAME, new SmtpFactory());
    registry.channel(OutboxChannel.NAME, new OutboxFactory());
    // The outbox sends nothing, so a campaign that names no channel never sends by surprise.
    registry.defaultChannel(OutboxChannel.NAME);
  }

  /** Opens {@link SmtpChannel}s from {@code delivery.smtp}. */
  static final class SmtpFactory implements ChannelFactory {
    @Override
    public List<Problem> validate(Settings settings) {
      return SmtpSection.problems(settings);
    }

    @Override
    public DeliveryChannel open(ChannelContext context) {
      Settings settings = context.settings();
      SmtpSection section = SmtpSection.read(settings);
      try {
        return SmtpChannel.create(section.settings(), context.environment(), context.pace());
      } catch (Secrets.MissingSecretException e) {
        // Located where the secret's source is named, or at the login that needs it.
        throw new InvalidInputException(settings.problem(section.secretKey(), e.getMessage()));
      }
    }
  }

  /** Opens an {@link OutboxChannel} on the run's output folder; it takes no settings. */
  static final class OutboxFactory implements ChannelFactory {
    /** The outbox's settings: none, since it writes into the run's output folder. */
    private record NoSettings() {}

    @Override
    public List<Problem> validate(Settings settings) {
      return settings.check(NoSettings.class);
    }

    @Override
    public DeliveryChannel open(ChannelContext context) {
      return OutboxChannel.create(context.outputDir());
    }
  }
}
