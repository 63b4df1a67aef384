package org.demarche.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.demarche.core.model.DeliveryException;
import org.demarche.core.model.Envelope;
import org.demarche.core.model.Letter;
import org.demarche.core.model.Receipt;
import org.demarche.core.spi.DeliveryChannel;

/** A channel that counts what it delivers per letter id, and can be told to fail. */
public final class CountingChannel implements DeliveryChannel {
  public final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
  public final List<String> attempts = new ArrayList<>();
  private final Function<Envelope, DeliveryException> failure;

  public CountingChannel() {
    this(e -> null);
  }

  /** {@code failure} returns the exception to throw for an attempt, or null to deliver. */
  public CountingChannel(Function<Envelope, DeliveryException> failure) {
    this.failure = failure;
  }

  @Override
  public String name() {
    return "counting";
  }

  @Override
  public boolean canDeliver(Letter letter) {
    return letter.mission().email().isPresent();
  }

  @Override
  public synchronized Receipt deliver(Envelope envelope) {
    attempts.add(envelope.letter().id());
    DeliveryException e = failure.apply(envelope);
    if (e != null) {
      throw e;
    }
    delivered.computeIfAbsent(envelope.letter().id(), k -> new AtomicInteger()).incrementAndGet();
    return new Receipt(envelope.letter().id(), envelope.messageId(), name(), Instant.now(), "250 OK");
  }

  public int total() {
    return delivered.values().stream().mapToInt(AtomicInteger::get).sum();
  }
}
