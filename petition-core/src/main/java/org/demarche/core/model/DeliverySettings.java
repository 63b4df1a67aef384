package org.demarche.core.model;

import java.util.List;
import java.util.Objects;

/**
 * How a campaign's letters travel.
 *
 * @param channel the channel's name as its plugin registers it: {@code outbox} (the default) or {@code smtp}
 * @param options the channel's own options (the campaign's {@code delivery.<channel>} section)
 * @param renderer the renderer's name, {@code pdf} by default
 * @param rendererOptions the renderer's options ({@code delivery.<renderer>} section)
 * @param sendLanguage the language of the letter each mission receives (the petition's or a translation's)
 * @param attachLanguages translations attached to each letter as extra documents
 * @param retry how transient failures are retried
 */
public record DeliverySettings(
    String channel, Settings options, String renderer, Settings rendererOptions, String sendLanguage,
    List<String> attachLanguages, RetryPolicy retry) {

  public DeliverySettings {
    channel = Values.line(channel, "delivery.channel");
    Objects.requireNonNull(options, "delivery options");
    renderer = Values.line(renderer, "delivery.renderer");
    Objects.requireNonNull(rendererOptions, "renderer options");
    sendLanguage = Values.language(sendLanguage, "delivery.language");
    attachLanguages = Values.list(attachLanguages, "delivery.attach").stream()
        .map(l -> Values.language(l, "delivery.attach")).toList();
    Objects.requireNonNull(retry, "delivery.retry");
  }
}
