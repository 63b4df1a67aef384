package org.demarche.core.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a campaign's letters travel.
 *
 * @param channel the channel's name as its plugin registers it: {@code outbox} (the default) or {@code smtp}
 * @param renderer the renderer's name, {@code pdf} by default
 * @param sections every plugin section of the campaign's {@code delivery} section, by plugin name
 *     ({@code smtp} for {@code delivery.smtp}), including those of channels the campaign does not use
 * @param sendLanguage the language of the letter each mission receives (the petition's or a translation's)
 * @param attachLanguages translations attached to each letter as extra documents
 * @param retry how transient failures are retried
 */
public record DeliverySettings(
    String channel, String renderer, Map<String, Settings> sections, String sendLanguage,
    List<String> attachLanguages, RetryPolicy retry) {

  public DeliverySettings {
    channel = Values.line(channel, "delivery.channel");
    renderer = Values.line(renderer, "delivery.renderer");
    sections = Map.copyOf(sections);
    sections.forEach((name, settings) -> {
      if (!settings.section().equals("delivery." + name)) {
        throw new IllegalArgumentException("delivery sections are keyed by plugin name: '" + name + "' holds "
            + settings.section());
      }
    });
    sendLanguage = Values.language(sendLanguage, "delivery.language");
    attachLanguages = Values.list(attachLanguages, "delivery.attach").stream()
        .map(l -> Values.language(l, "delivery.attach")).toList();
    Objects.requireNonNull(retry, "delivery.retry");
  }

  /** The {@code delivery.<name>} section, when the campaign has one. */
  public Optional<Settings> section(String name) {
    return Optional.ofNullable(sections.get(name));
  }

  /** The channel's own settings (its {@code delivery.<channel>} section; empty when absent). */
  public Settings options() {
    return section(channel).orElseGet(() -> Settings.empty("delivery." + channel));
  }

  /** The renderer's settings ({@code delivery.<renderer>} section; empty when absent). */
  public Settings rendererOptions() {
    return section(renderer).orElseGet(() -> Settings.empty("delivery." + renderer));
  }
}
