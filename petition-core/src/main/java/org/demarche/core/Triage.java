package org.demarche.core;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.demarche.core.RunReport.Outcome;
import org.demarche.core.RunReport.Result;
import org.demarche.core.model.JournalEntry;
import org.demarche.core.model.Letter;
import org.demarche.core.model.LetterState;
import org.demarche.core.model.LetterStatus;
import org.demarche.core.spi.DeliveryChannel;
import org.demarche.core.spi.DeliveryJournal;

/**
 * The engine's first step: which letters an earlier run settled (reported as such), which another record
 * holds back, which settled ones lost their files (written again), and which this run works on.
 */
record Triage(DeliveryChannel channel, PostalDesk postalDesk, DeliveryJournal journal, ProgressListener listener,
    Clock clock, boolean retryFailed, boolean resendInDoubt, Map<String, String> heldBack) {

  /**
   * Fills {@code outcomes} for the letters an earlier run settled (or another record holds), journals the
   * new ones as planned, notes in {@code rewrite} the settled ones whose files are missing, and returns the
   * indexes of the letters this run works on.
   */
  List<Integer> triage(List<Letter> letters, Map<String, LetterStatus> known, Outcome[] outcomes,
      PostalBatch postal, Map<String, LetterState> rewrite) {
    List<Integer> todo = new ArrayList<>();
    List<JournalEntry> planned = new ArrayList<>();
    Instant now = clock.instant();
    for (int i = 0; i < letters.size(); i++) {
      Letter letter = letters.get(i);
      LetterStatus status = known.get(letter.id());
      if (status != null && status.state() == LetterState.BY_POST) {
        postal.earlier(i, letter);
      }
      Optional<Outcome> earlier = settled(letter, status, rewrite);
      if (earlier.isPresent()) {
        outcomes[i] = earlier.get();
        if (status != null) {
          listener.skipped(letter, status);
        }
      } else {
        todo.add(i);
        if (status == null) {
          planned.add(new JournalEntry(letter.id(), LetterState.PLANNED, now, 0, Optional.empty(), Optional.empty()));
        }
      }
    }
    journal.recordAll(planned);
    return todo;
  }

  /** The outcome of a letter this run leaves alone, or empty when this run works on it. */
  private Optional<Outcome> settled(Letter letter, LetterStatus status, Map<String, LetterState> rewrite) {
    String id = letter.id();
    String missionId = letter.mission().id();
    if (status != null) {
      Optional<String> mid = status.messageId();
      switch (status.state()) {
        case SENT:
          if (channel.hasOutputs(letter)) {
            return Optional.of(new Outcome(id, missionId, Result.ALREADY_SENT, 0, mid, status.detail(), true));
          }
          rewrite.put(id, LetterState.SENT);
          return Optional.empty();
        case BY_POST:
          if (postalDesk.holds(letter)) {
            return Optional.of(new Outcome(id, missionId, Result.ALREADY_BY_POST, 0, mid, status.detail(), true));
          }
          rewrite.put(id, LetterState.BY_POST);
          return Optional.empty();
        case FAILED_PERMANENT:
          return retryFailed ? Optional.empty()
              : Optional.of(new Outcome(id, missionId, Result.FAILED_PERMANENT, 0, mid, status.detail(), true));
        case SENDING:
          return resendInDoubt ? Optional.empty()
              : Optional.of(new Outcome(id, missionId, Result.IN_DOUBT, 0, mid, status.detail(), true));
        default:
          break;
      }
    }
    String held = heldBack.get(id);
    return held == null ? Optional.empty()
        : Optional.of(new Outcome(id, missionId, Result.HELD_BACK, 0, Optional.empty(), Optional.of(held), true));
  }


  /** The campaign of {@code letters}, which must all belong to it, with distinct ids. */
  static String requireOneCampaign(List<Letter> letters) {
    String campaignId = letters.get(0).campaignId();
    Set<String> ids = new HashSet<>();
    for (Letter l : letters) {
      if (!l.campaignId().equals(campaignId)) {
        throw new IllegalArgumentException("all letters of a run must belong to one campaign");
      }
      if (!ids.add(l.id())) {
        throw new IllegalArgumentException("two letters have the id " + l.id() + ": a letter id may appear once");
      }
    }
    return campaignId;
  }
}
