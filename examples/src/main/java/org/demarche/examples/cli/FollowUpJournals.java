package org.demarche.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.demarche.core.FileJournal;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.LetterOutcome;
import org.demarche.core.model.LetterState;
import org.demarche.core.model.LetterStatus;
import org.demarche.core.spi.DeliveryJournal;
import org.demarche.journal.postgres.PostgresJournals;

/**
 * The journals that record what happened to a campaign's letters after they left ({@code posted}, {@code outcome},
 * {@code bounces}, {@code report}): the one {@code --journal} names, else those beside the campaign that exist (the
 * SMTP journal first, then the outbox's). A letter belongs to the first that records it.
 */
final class FollowUpJournals implements AutoCloseable {
  /** One journal, how it is shown, and whether the runner may write it. */
  record Named(String channel, String shown, DeliveryJournal journal) {}

  private final List<Named> journals;
  private final List<AutoCloseable> toClose;

  private FollowUpJournals(List<Named> journals, List<AutoCloseable> toClose) {
    this.journals = journals;
    this.toClose = toClose;
  }

  /**
   * Opens them: to record ({@code write}: a file journal is locked, so a run in progress makes this wait its turn
   * with a clear message) or to read only.
   */
  static FollowUpJournals open(Campaign campaign, String option, Map<String, String> environment, boolean write) {
    List<Named> named = new ArrayList<>();
    List<AutoCloseable> closing = new ArrayList<>();
    try {
      if (option != null && PostgresJournals.isUrl(option)) {
        JournalChoice choice = JournalChoice.of(option, campaign, "smtp", environment);
        closing.add(choice);
        named.add(new Named("smtp", choice.shown(), choice.shared().orElseThrow()));
      } else if (option != null) {
        Path file = Path.of(option);
        String channel = file.getFileName().toString().endsWith(".outbox.journal") ? "outbox" : "smtp";
        named.add(file(campaign, file, channel, write, closing));
      } else {
        for (String channel : List.of("smtp", "outbox")) {
          Path file = FileJournal.defaultFile(campaign, channel);
          if (Files.exists(file)) {
            named.add(file(campaign, file, channel, write, closing));
          }
        }
      }
    } catch (RuntimeException e) {
      new FollowUpJournals(named, closing).close();
      throw e;
    }
    return new FollowUpJournals(named, closing);
  }

  private static Named file(Campaign campaign, Path file, String channel, boolean write, List<AutoCloseable> closing) {
    FileJournal j = write ? FileJournal.open(file, campaign.id()) : FileJournal.read(file, campaign.id());
    closing.add(j);
    return new Named(channel, file.toAbsolutePath().normalize().toString(), j);
  }

  List<Named> all() {
    return journals;
  }

  /** The journal that records {@code letterId} (beyond planning), and its status there. */
  Optional<Map.Entry<Named, LetterStatus>> find(String letterId) {
    for (Named n : journals) {
      LetterStatus s = n.journal().statuses().get(letterId);
      if (s != null && s.state() != LetterState.PLANNED) {
        return Optional.of(Map.entry(n, s));
      }
    }
    return Optional.empty();
  }

  /** The letter whose Message-ID is {@code messageId} (compared without angle brackets, ignoring case). */
  Optional<Map.Entry<Named, LetterStatus>> findByMessageId(String messageId) {
    for (Named n : journals) {
      for (LetterStatus s : n.journal().statuses().values()) {
        if (s.messageId().map(m -> bare(m).equalsIgnoreCase(bare(messageId))).orElse(false)) {
          return Optional.of(Map.entry(n, s));
        }
      }
    }
    return Optional.empty();
  }

  private static String bare(String id) {
    return org.demarche.deliver.email.DeliveryStatusReport.bare(id);
  }

  /** The letter ids any journal records beyond planning, sorted: what an unknown id is told it could be. */
  String known() {
    TreeSet<String> ids = new TreeSet<>();
    journals.forEach(n -> n.journal().statuses().values().stream().filter(s -> s.state() != LetterState.PLANNED)
        .forEach(s -> ids.add(s.letterId())));
    return ids.isEmpty() ? "none yet (run the campaign first)" : String.join(", ", ids);
  }

  /** Every outcome of every journal, by letter id, oldest first. */
  Map<String, List<LetterOutcome>> outcomes() {
    Map<String, List<LetterOutcome>> by = new java.util.LinkedHashMap<>();
    journals.forEach(n -> n.journal().outcomes().forEach(o ->
        by.computeIfAbsent(o.letterId(), k -> new ArrayList<>()).add(o)));
    return by;
  }

  /** Where they are, for messages. */
  String shown() {
    return journals.isEmpty() ? "no journal yet" : String.join(" and ", journals.stream().map(Named::shown).toList());
  }

  @Override
  public void close() {
    for (AutoCloseable c : toClose) {
      try {
        c.close();
      } catch (Exception e) {
        // Closing a journal only releases its lock; what was recorded is on disk already.
      }
    }
  }
}
