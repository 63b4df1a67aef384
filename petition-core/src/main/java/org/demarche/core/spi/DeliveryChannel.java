package org.demarche.core.spi;

import java.util.function.Consumer;
import org.demarche.core.model.DeliveryException;
import org.demarche.core.model.Envelope;
import org.demarche.core.model.Letter;
import org.demarche.core.model.Receipt;

/**
 * Carries letters to their recipients. The engine calls {@link #deliver} from at most {@link #parallelism()}
 * threads at once per channel (one, unless the channel says more) and retries
 * {@link DeliveryException.Kind#TRANSIENT} failures itself.
 */
public interface DeliveryChannel extends AutoCloseable {

  /** The name a campaign file uses for this channel, e.g. {@code smtp}. */
  String name();

  /** Whether this channel can carry {@code letter} at all (an email channel needs the mission's email). */
  boolean canDeliver(Letter letter);

  /**
   * Blocks until the channel's rate limit lets {@code envelope} go, and reserves that turn for it. The
   * engine calls it before it journals the letter as sending, so that a run stopped while waiting leaves
   * no letter in doubt. The default does not wait.
   */
  default void awaitTurn(Envelope envelope) throws InterruptedException {}

  /**
   * As {@link #awaitTurn(Envelope)}, and tells {@code waiting}, before a wait begins, what it waits for and until
   * when (the engine shows the operator waits over 2 s). The default waits as {@link #awaitTurn(Envelope)} does
   * and tells nothing.
   */
  default void awaitTurn(Envelope envelope, Consumer<Wait> waiting) throws InterruptedException {
    awaitTurn(envelope);
  }

  /**
   * Delivers one envelope, blocking until the recipient's side accepted it (and waiting first if a
   * rate limit says so and {@link #awaitTurn} was not called for it).
   *
   * @throws DeliveryException classed transient or permanent
   */
  Receipt deliver(Envelope envelope);

  /**
   * Whether the files this channel wrote for {@code letter} in an earlier run are still where it put them
   * (an outbox's {@code .eml} and PDF). When they are not, the engine renders the letter again and hands it
   * to {@link #deliver} once more, to write them again. A channel that writes no files answers true (the default).
   */
  default boolean hasOutputs(Letter letter) {
    return true;
  }

  /**
   * How many letters the engine may hand to {@link #deliver} (and {@link #awaitTurn}) at once, from that many
   * threads: e.g. the connections of a pool. The default, 1, is one thread at a time; a channel answering more
   * must be thread-safe.
   */
  default int parallelism() {
    return 1;
  }

  /** Releases connections; the default does nothing. */
  @Override
  default void close() {}
}
