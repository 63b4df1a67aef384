package org.demarche.core.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A wait a channel is about to begin before it may send a letter, so that the operator sees it rather than a
 * silent pause: what it waits for and until when.
 *
 * @param reason what it waits for, e.g. {@code the per-domain limit of example.org (2 a minute)}
 * @param until when the wait ends
 */
public record Wait(String reason, Instant until) {
  public Wait {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(until, "until");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("a wait needs a reason");
    }
  }
}
