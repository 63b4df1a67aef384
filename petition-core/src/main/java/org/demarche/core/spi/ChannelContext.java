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
 */
public record ChannelContext(Settings settings, Path outputDir, Map<String, String> environment) {
  public ChannelContext {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(outputDir, "outputDir");
    environment = Map.copyOf(environment);
  }
}
