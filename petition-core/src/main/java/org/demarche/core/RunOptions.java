package org.demarche.core;

import org.demarche.core.model.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.demarche.core.spi.DeliveryJournal;

/**
 * How {@link Demarche#run} runs a campaign.
 *
 * @param outputDir where files go (the outbox)
 * @param journal the journal file (default: beside the campaign file)
 * @param channel a channel to use instead of the campaign's (e.g. {@code smtp} for {@code --send})
 * @param channelSettings settings for that channel instead of the campaign's section
 * @param resendInDoubt send again the letters a stopped run left in doubt
 * @param environment where secrets come from (the process environment)
 * @param listener progress events
 * @param postalDesk where letters that go by post are handed
 * @param retryFailed retry every failed letter, permanent failures included (same Message-ID)
 * @param includeOutboxed let a channel other than the outbox send letters the outbox journal holds
 *     (written as {@code .eml} files, maybe sent by hand); without it they are held back
 * @param allowDraftTranslations attach translations awaiting review (otherwise they are left out)
 * @param journalInstance a journal the caller opened (any {@link DeliveryJournal}, e.g. one in PostgreSQL) for
 *     this campaign and channel, used instead of {@code journal}'s file; the caller closes it
 * @param clock what "now" is for a campaign's schedule (which letters are due): the system's, or a set one for
 *     tests and dry runs
 */
public record RunOptions(
    Path outputDir, Optional<Path> journal, Optional<String> channel, Optional<Settings> channelSettings,
    boolean resendInDoubt, Map<String, String> environment, ProgressListener listener, PostalDesk postalDesk,
    boolean retryFailed, boolean includeOutboxed, boolean allowDraftTranslations,
    Optional<DeliveryJournal> journalInstance, Clock clock) {

  /** Options on the system clock. */
  public RunOptions(Path outputDir, Optional<Path> journal, Optional<String> channel, Optional<Settings> channelSettings,
      boolean resendInDoubt, Map<String, String> environment, ProgressListener listener, PostalDesk postalDesk,
      boolean retryFailed, boolean includeOutboxed, boolean allowDraftTranslations,
      Optional<DeliveryJournal> journalInstance) {
    this(outputDir, journal, channel, channelSettings, resendInDoubt, environment, listener, postalDesk, retryFailed,
        includeOutboxed, allowDraftTranslations, journalInstance, Clock.systemUTC());
  }

  /** Options that neither retry permanent failures, nor send what the outbox holds, nor attach drafts. */
  public RunOptions(Path outputDir, Optional<Path> journal, Optional<String> channel,
      Optional<Settings> channelSettings, boolean resendInDoubt, Map<String, String> environment,
      ProgressListener listener, PostalDesk postalDesk) {
    this(outputDir, journal, channel, channelSettings, resendInDoubt, environment, listener, postalDesk, false, false,
        false, Optional.empty());
  }

  public RunOptions {
    Objects.requireNonNull(outputDir, "outputDir");
    Objects.requireNonNull(journal, "journal");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(channelSettings, "channelSettings");
    environment = Map.copyOf(environment);
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(postalDesk, "postalDesk");
    Objects.requireNonNull(journalInstance, "journalInstance");
    Objects.requireNonNull(clock, "clock");
  }

  /** The campaign's own channel, files into {@code outputDir}, the process environment, no listener. */
  public static RunOptions outbox(Path outputDir) {
    return new RunOptions(outputDir, Optional.empty(), Optional.empty(), Optional.empty(), false, System.getenv(),
        ProgressListener.NONE, PostalDesk.NONE, false, false, false, Optional.empty());
  }

  /** Journals into {@code journal}, which the caller opened for this campaign and channel and closes. */
  public RunOptions withJournal(DeliveryJournal journal) {
    return new RunOptions(outputDir, this.journal, channel, channelSettings, resendInDoubt, environment, listener,
        postalDesk, retryFailed, includeOutboxed, allowDraftTranslations, Optional.of(journal), clock);
  }

  public RunOptions withJournal(Path file) {
    return new RunOptions(outputDir, Optional.of(file), channel, channelSettings, resendInDoubt, environment, listener,
        postalDesk, retryFailed, includeOutboxed, allowDraftTranslations, journalInstance, clock);
  }

  public RunOptions withChannel(String name, Settings settings) {
    return new RunOptions(outputDir, journal, Optional.of(name), Optional.of(settings), resendInDoubt, environment,
        listener, postalDesk, retryFailed, includeOutboxed, allowDraftTranslations, journalInstance, clock);
  }

  public RunOptions withListener(ProgressListener l) {
    return new RunOptions(outputDir, journal, channel, channelSettings, resendInDoubt, environment,
        l, postalDesk, retryFailed, includeOutboxed, allowDraftTranslations, journalInstance, clock);
  }

  public RunOptions withPostalDesk(PostalDesk desk) {
    return new RunOptions(outputDir, journal, channel, channelSettings, resendInDoubt, environment,
        listener, desk, retryFailed, includeOutboxed, allowDraftTranslations, journalInstance, clock);
  }

  public RunOptions withResendInDoubt(boolean resend) {
    return new RunOptions(outputDir, journal, channel, channelSettings, resend, environment,
        listener, postalDesk, retryFailed, includeOutboxed, allowDraftTranslations, journalInstance, clock);
  }

  public RunOptions withEnvironment(Map<String, String> env) {
    return new RunOptions(outputDir, journal, channel, channelSettings, resendInDoubt, env, listener, postalDesk,
        retryFailed, includeOutboxed, allowDraftTranslations, journalInstance, clock);
  }

  public RunOptions withRetryFailed(boolean retry) {
    return new RunOptions(outputDir, journal, channel, channelSettings, resendInDoubt, environment, listener,
        postalDesk, retry, includeOutboxed, allowDraftTranslations, journalInstance, clock);
  }

  public RunOptions withIncludeOutboxed(boolean include) {
    return new RunOptions(outputDir, journal, channel, channelSettings, resendInDoubt, environment, listener,
        postalDesk, retryFailed, include, allowDraftTranslations, journalInstance, clock);
  }

  /** Attach translations still marked draft and not reviewed (the operator's {@code --allow-draft-translations}). */
  public RunOptions withAllowDraftTranslations(boolean allow) {
    return new RunOptions(outputDir, journal, channel, channelSettings, resendInDoubt, environment, listener,
        postalDesk, retryFailed, includeOutboxed, allow, journalInstance, clock);
  }

  /** Reads "now" from {@code clock}: which letters of a scheduled campaign are due (tests, dry runs with --now). */
  public RunOptions withClock(Clock clock) {
    return new RunOptions(outputDir, journal, channel, channelSettings, resendInDoubt, environment, listener,
        postalDesk, retryFailed, includeOutboxed, allowDraftTranslations, journalInstance, clock);
  }
}
