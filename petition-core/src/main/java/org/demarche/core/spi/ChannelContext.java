package org.demarche.core.spi;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.demarche.core.model.Settings;

/**
 * What a channel is opened with.
 *
 * @param settings the channel's settings (the campaign's section, overridden by the command line)
 * @param outputDir the folder for files (the outbox), created by the channel if missing
 * @param environment the process environment, where secrets come from (read them with {@link Secrets})
 * @param pace where rate limits take their slots ({@link DeliveryJournal#pace()} of the run's journal)
 */
public record ChannelContext(Settings settings, Path outputDir, Map<String, String> environment, Pace pace) {
  public ChannelContext {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(outputDir, "outputDir");
    environment = Map.copyOf(environment);
    Objects.requireNonNull(pace, "pace");
  }

  /** A context whose rate limits hold within this process ({@link Pace#inProcess()}). */
  public ChannelContext(Settings settings, Path outputDir, Map<String, String> environment) {
    this(settings, outputDir, environment, Pace.inProcess());
  }
}
