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
    IN_DOUBT
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
   */
  public record Outcome(String letterId, String missionId, Result result, int attempts, Optional<String> messageId,
      Optional<String> detail) {
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

  /** True when every letter is sent or posted, now or before. */
  public boolean allDone() {
    return outcomes.stream().allMatch(o -> o.result() == Result.SENT || o.result() == Result.ALREADY_SENT
        || o.result() == Result.BY_POST || o.result() == Result.ALREADY_BY_POST);
  }

  /** True when this run delivered or posted nothing new. */
  public boolean nothingNew() {
    return count(Result.SENT) == 0 && count(Result.BY_POST) == 0;
  }
}
