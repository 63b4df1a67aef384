package org.demarche.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.demarche.core.model.Values;

/**
 * What a run did with each letter.
 *
 * @param campaignId the campaign
 * @param outcomes one per letter, in plan order
 */
public record RunReport(String campaignId, List<Outcome> outcomes) {

  /** What happened to one letter in this run. */
  public enum Result {
    /** Delivered in this run. */
    SENT,
    /** Delivered by an earlier run: nothing was sent. */
    ALREADY_SENT,
    /** Handed to the postal print kit (no email published). */
    BY_POST,
    /** An earlier run handed it to the postal print kit. */
    ALREADY_BY_POST,
    /** A transient failure outlasted this run's retries: the next run tries again. */
    FAILED_TRANSIENT,
    /** A permanent failure (now or earlier): not retried. */
    FAILED_PERMANENT,
    /** A run stopped after handing it to the channel: it may have been delivered. Not resent unless asked. */
    IN_DOUBT,
    /**
     * Another channel's record already holds it (e.g. written to the outbox as an {@code .eml}, which the
     * operator may have sent by hand): not sent unless the operator says so.
     */
    HELD_BACK,
    /** Handled by an earlier run; its output files were missing and this run wrote them again, the same bytes. */
    REWRITTEN
  }

  /**
   * One letter's outcome.
   *
   * @param letterId the letter
   * @param missionId the mission it goes to
   * @param result what happened
   * @param attempts delivery attempts in this run
   * @param messageId the Message-ID, once known
   * @param detail the server's reply, the file written, or the failure
   * @param earlier true when an earlier run (or another channel) settled the letter and this run did not work on it
   */
  public record Outcome(String letterId, String missionId, Result result, int attempts, Optional<String> messageId,
      Optional<String> detail, boolean earlier) {
    /** An outcome that is earlier exactly when its result says "already" or "held back". */
    public Outcome(String letterId, String missionId, Result result, int attempts, Optional<String> messageId,
        Optional<String> detail) {
      this(letterId, missionId, result, attempts, messageId, detail, result == Result.ALREADY_SENT
          || result == Result.ALREADY_BY_POST || result == Result.HELD_BACK);
    }

    public Outcome {
      Values.id(letterId, "letterId");
      Objects.requireNonNull(missionId, "missionId");
      Objects.requireNonNull(result, "result");
      Objects.requireNonNull(messageId, "messageId");
      Objects.requireNonNull(detail, "detail");
    }
  }

  public RunReport {
    Objects.requireNonNull(campaignId, "campaignId");
    outcomes = List.copyOf(outcomes);
  }

  public long count(Result result) {
    return outcomes.stream().filter(o -> o.result() == result).count();
  }

  /** True when every letter is sent, posted, held back or rewritten, now or before: none failed or is in doubt. */
  public boolean allDone() {
    return outcomes.stream().allMatch(o -> o.result() == Result.SENT || o.result() == Result.ALREADY_SENT
        || o.result() == Result.BY_POST || o.result() == Result.ALREADY_BY_POST || o.result() == Result.HELD_BACK
        || o.result() == Result.REWRITTEN);
  }

  /** The letters this run worked on (rendered, delivered, posted, failed or rewrote), as opposed to earlier ones. */
  public long attempted() {
    return outcomes.stream().filter(o -> !o.earlier()).count();
  }

  /** The outcomes of {@code result} that this run produced ({@code earlier} false) or found ({@code earlier} true). */
  public long count(Result result, boolean earlier) {
    return outcomes.stream().filter(o -> o.result() == result && o.earlier() == earlier).count();
  }

  /** True when this run attempted nothing: every letter was settled by an earlier run or held back. */
  public boolean nothingNew() {
    return attempted() == 0;
  }
}
