package org.demarche.journal.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.demarche.core.model.Envelope;
import org.demarche.core.model.Letter;
import org.demarche.core.model.Receipt;
import org.demarche.core.spi.DeliveryChannel;

/**
 * A channel whose every delivery is a line (the letter id) appended to a shared file and forced to disk before it
 * returns, as a mail server's queue file would be: what several runner processes delivered, duplicates included,
 * survives their being killed. Takes {@code delayMs} per letter, as a server's reply takes time.
 */
final class LedgerChannel implements DeliveryChannel {
  private final Path ledger;
  private final long delayMs;

  LedgerChannel(Path ledger, long delayMs) {
    this.ledger = ledger;
    this.delayMs = delayMs;
  }

  @Override
  public String name() {
    return "ledger";
  }

  @Override
  public boolean canDeliver(Letter letter) {
    return true;
  }

  @Override
  public Receipt deliver(Envelope envelope) {
    try {
      Thread.sleep(delayMs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (FileChannel ch = FileChannel.open(ledger, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      ch.write(ByteBuffer.wrap((envelope.letter().id() + "\n").getBytes(StandardCharsets.UTF_8)));
      ch.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Receipt(envelope.letter().id(), envelope.messageId(), name(), Instant.now(), "250 queued");
  }

  /** How many times each letter was delivered, by every process that wrote the ledger. */
  static Map<String, Long> deliveries(Path ledger) throws IOException {
    if (!Files.exists(ledger)) {
      return Map.of();
    }
    List<String> lines = Files.readAllLines(ledger, StandardCharsets.UTF_8);
    return lines.stream().filter(l -> !l.isBlank()).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }
}
