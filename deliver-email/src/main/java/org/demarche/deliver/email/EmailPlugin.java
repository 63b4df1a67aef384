package org.demarche.deliver.email;

import java.util.ArrayList;
import java.util.List;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Problem;
import org.demarche.core.model.Settings;
import org.demarche.core.spi.ChannelContext;
import org.demarche.core.spi.ChannelFactory;
import org.demarche.core.spi.DeliveryChannel;
import org.demarche.core.spi.DemarchePlugin;
import org.demarche.core.spi.PluginRegistry;

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
  }

  /** Opens {@link SmtpChannel}s from {@code delivery.smtp}. */
  static final class SmtpFactory implements ChannelFactory {
    @Override
    public List<Problem> validate(Settings settings) {
      return SmtpSettings.problems(settings);
    }

    @Override
    public DeliveryChannel open(ChannelContext context) {
      Settings section = context.settings();
      SmtpSettings settings = SmtpSettings.from(section);
      if (settings.username().isPresent()) {
        String password = context.environment().get(settings.passwordEnv());
        if (password == null || password.isEmpty()) {
          throw new InvalidInputException(section.problem(section.values().containsKey("passwordEnv") ? "passwordEnv"
                  : "username", "the password for " + settings.username().get() + " is missing: set the environment"
                  + " variable " + settings.passwordEnv() + " before running (it is never read from a file or an"
                  + " argument)"));
        }
      }
      return SmtpChannel.create(settings, context.environment());
    }
  }

  /** Opens an {@link OutboxChannel} on the run's output folder. */
  static final class OutboxFactory implements ChannelFactory {
    @Override
    public List<Problem> validate(Settings settings) {
      List<Problem> problems = new ArrayList<>();
      for (String key : settings.values().keySet()) {
        problems.add(settings.problem(key, "is not an outbox option: the outbox needs none (it writes into the"
            + " run's output folder)"));
      }
      return problems;
    }

    @Override
    public DeliveryChannel open(ChannelContext context) {
      return OutboxChannel.create(context.outputDir());
    }
  }
}
