package org.demarche.deliver.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.demarche.core.model.DeliveryException;
import org.demarche.core.model.Envelope;
import org.demarche.core.model.Letter;
import org.demarche.core.model.Receipt;
import org.demarche.core.model.Rendition;
import org.demarche.core.model.SafeNames;
import org.demarche.core.spi.DeliveryChannel;
import org.demarche.core.files.AtomicFiles;
import org.demarche.deliver.email.internal.MessageFactory;

/**
 * The {@code outbox} channel, Demarche's default: nothing leaves the machine. For each letter it writes,
 * into one folder, {@code <letter-id>.eml} (the email the SMTP channel would send, with the same headers
 * and Message-ID, the PDF attached, marked {@code X-Unsent: 1} so that mail clients open it as a draft to
 * send) and {@code <letter-id>.<language>.pdf} (the document, named by {@link Rendition#fileNameFor}), plus
 * each further document under its own name. Each file is written whole or not at all (temporary file, then
 * rename), readable by the owner only; names come from ids only. The same letter gives the same bytes every
 * time (the {@code .eml} is dated with the letter's date and its MIME boundaries derive from the
 * Message-ID), so that files removed by mistake can be written again identical.
 *
 * <p>{@link #canDeliver} is true only when the mission publishes an email address: the engine sends the
 * other letters to its postal desk (the print kit, "by post"). Called directly for such a letter,
 * {@link #deliver} writes the PDF alone and says so in the receipt.
 */
public final class OutboxChannel implements DeliveryChannel {
  /** The name a campaign file uses: {@code delivery.channel: outbox}. */
  public static final String NAME = "outbox";

  private final Path folder;
  private final MessageFactory messages;
  private final Clock clock;

  private OutboxChannel(Path folder, Clock clock) {
    this.folder = folder.toAbsolutePath().normalize();
    this.clock = clock;
    Properties props = new Properties();
    props.setProperty("mail.mime.charset", "UTF-8");
    this.messages = new MessageFactory(Session.getInstance(props), MessageFactory.Options.outbox(), clock);
  }

  /** An outbox writing into {@code folder} (created when missing). */
  public static OutboxChannel create(Path folder) {
    return create(folder, Clock.systemUTC());
  }

  static OutboxChannel create(Path folder, Clock clock) {
    Objects.requireNonNull(folder, "folder");
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the outbox folder " + folder + ": " + e.getMessage(), e);
    }
    return new OutboxChannel(folder, clock);
  }

  @Override
  public String name() {
    return NAME;
  }

  /** True when the mission publishes an email address; letters to the others go by post. */
  @Override
  public boolean canDeliver(Letter letter) {
    return letter.mission().email().isPresent();
  }

  @Override
  public Receipt deliver(Envelope envelope) {
    Letter letter = envelope.letter();
    List<String> written = new ArrayList<>();
    try {
      Optional<MimeMessage> email = Optional.empty();
      if (envelope.to().isPresent()) {
        email = Optional.of(messages.build(envelope));
      }
      Path pdf = SafeNames.inside(folder, envelope.document().fileNameFor(letter));
      write(pdf, envelope.document());
      written.add(pdf.getFileName().toString());
      for (Rendition attachment : envelope.attachments()) {
        Path file = SafeNames.inside(folder, attachment.fileName());
        if (file.equals(pdf)) {
          throw new IllegalArgumentException("the attachment " + attachment.fileName() + " has the letter's own file"
              + " name: give it another");
        }
        write(file, attachment);
        written.add(file.getFileName().toString());
      }
      if (email.isPresent()) {
        MimeMessage message = email.get();
        Path eml = SafeNames.inside(folder, letter.id() + ".eml");
        byte[] bytes = Drafts.bytes(message, letter, envelope.messageId());
        AtomicFiles.write(eml, AtomicFiles.Access.PRIVATE, out -> out.write(bytes));
        written.add(eml.getFileName().toString());
      }
    } catch (IllegalArgumentException e) {
      throw new DeliveryException(DeliveryException.Kind.PERMANENT, "letter " + letter.id() + " cannot be written to"
          + " the outbox: " + e.getMessage(), Optional.empty(), false, e);
    } catch (IOException e) {
      throw DeliveryException.transientFailure("letter " + letter.id() + ": writing to the outbox " + folder
          + " failed: " + e.getMessage(), e);
    }
    String detail = "wrote " + String.join(", ", written) + " in " + folder
        + (envelope.to().isPresent() ? "" : " (the mission publishes no email: print the PDF and post it)");
    return new Receipt(letter.id(), envelope.messageId(), NAME, clock.instant(), detail);
  }

  /** True when the letter's document and, if it has an email, its {@code .eml} are in the folder. */
  @Override
  public boolean hasOutputs(Letter letter) {
    if (letter.mission().email().isPresent() && !Files.isRegularFile(folder.resolve(letter.id() + ".eml"))) {
      return false;
    }
    String prefix = letter.id() + "." + letter.language() + ".";
    if (Files.isRegularFile(folder.resolve(prefix + "pdf"))) {
      return true;
    }
    // Another renderer's document (e.g. .txt): look for it under the same rule.
    try (var files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString())
          .anyMatch(n -> n.startsWith(prefix) && !n.endsWith(".eml") && !n.endsWith(".part"));
    } catch (IOException e) {
      return false;
    }
  }

  /** The folder this outbox writes into. */
  public Path folder() {
    return folder;
  }

  private static void write(Path file, Rendition rendition) throws IOException {
    AtomicFiles.write(file, AtomicFiles.Access.PRIVATE, out -> rendition.open().transferTo(out));
  }
}
