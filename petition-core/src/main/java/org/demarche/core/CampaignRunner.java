package org.demarche.core;

import org.demarche.core.model.DeliveryException;
import org.demarche.core.model.Envelope;
import org.demarche.core.model.JournalEntry;
import org.demarche.core.model.Letter;
import org.demarche.core.model.LetterState;
import org.demarche.core.model.LetterStatus;
import org.demarche.core.model.MessageIds;
import org.demarche.core.model.Receipt;
import org.demarche.core.model.RenderException;
import org.demarche.core.model.Rendition;
import org.demarche.core.model.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.demarche.core.RunReport.Outcome;
import org.demarche.core.RunReport.Result;
import org.demarche.core.spi.DeliveryChannel;
import org.demarche.core.spi.DeliveryJournal;
import org.demarche.core.spi.LetterRenderer;

/**
 * The engine: asks the journal what is already done, renders the rest (in parallel), delivers each
 * letter through the channel (one at a time, in plan order), and records every state change in the
 * journal before it moves on. Transient failures are retried with the {@link RetryPolicy}; permanent
 * ones are recorded and not retried; a letter the channel cannot carry goes to the {@link PostalDesk}.
 * A letter found "sending" from a run that stopped is in doubt: it is reported and left alone unless
 * {@link Builder#resendInDoubt(boolean)} says otherwise.
 */
public final class CampaignRunner {
  /** How the engine waits between attempts (tests pass one that does not sleep). */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final LetterRenderer renderer;
  private final DeliveryChannel channel;
  private final DeliveryJournal journal;
  private final RetryPolicy retry;
  private final ProgressListener listener;
  private final PostalDesk postalDesk;
  private final int renderThreads;
  private final boolean resendInDoubt;
  private final Function<Letter, List<Letter>> attachments;
  private final Sleeper sleeper;
  private final Clock clock;
  private final boolean retryFailed;
  private final Map<String, String> heldBack;

  private CampaignRunner(Builder b) {
    this.renderer = b.renderer;
    this.channel = b.channel;
    this.journal = b.journal;
    this.retry = b.retry;
    // Several delivering threads: the listener hears them one at a time.
    this.listener = b.channel.parallelism() > 1 ? DeliveryLanes.serialized(b.listener) : b.listener;
    this.postalDesk = b.postalDesk;
    this.renderThreads = b.renderThreads;
    this.resendInDoubt = b.resendInDoubt;
    this.attachments = b.attachments;
    this.sleeper = b.sleeper;
    this.clock = b.clock;
    this.retryFailed = b.retryFailed;
    this.heldBack = Map.copyOf(b.heldBack);
  }

  public static Builder builder(LetterRenderer renderer, DeliveryChannel channel, DeliveryJournal journal) {
    return new Builder(renderer, channel, journal);
  }

  /** Options of a {@link CampaignRunner}; every option has a sensible default. */
  public static final class Builder {
    private final LetterRenderer renderer;
    private final DeliveryChannel channel;
    private final DeliveryJournal journal;
    private RetryPolicy retry = RetryPolicy.defaults();
    private ProgressListener listener = ProgressListener.NONE;
    private PostalDesk postalDesk = PostalDesk.NONE;
    private int renderThreads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private boolean resendInDoubt;
    private Function<Letter, List<Letter>> attachments = l -> List.of();
    private Sleeper sleeper = d -> Thread.sleep(d.toMillis());
    private Clock clock = Clock.systemUTC();
    private boolean retryFailed;
    private Map<String, String> heldBack = Map.of();

    private Builder(LetterRenderer renderer, DeliveryChannel channel, DeliveryJournal journal) {
      this.renderer = Objects.requireNonNull(renderer, "renderer");
      this.channel = Objects.requireNonNull(channel, "channel");
      this.journal = Objects.requireNonNull(journal, "journal");
    }

    public Builder retry(RetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    public Builder listener(ProgressListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public Builder postalDesk(PostalDesk postalDesk) {
      this.postalDesk = Objects.requireNonNull(postalDesk, "postalDesk");
      return this;
    }

    /** Threads that render ahead of delivery (default: cores, at most 4). */
    public Builder renderThreads(int threads) {
      if (threads < 1 || threads > 64) {
        throw new IllegalArgumentException("renderThreads must be between 1 and 64, not " + threads);
      }
      this.renderThreads = threads;
      return this;
    }

    /** Send again the letters a stopped run left in doubt (receivers can drop the duplicate by its Message-ID). */
    public Builder resendInDoubt(boolean resend) {
      this.resendInDoubt = resend;
      return this;
    }

    /** Further letters (translations) rendered and attached to each letter. */
    public Builder attachments(Function<Letter, List<Letter>> attachments) {
      this.attachments = Objects.requireNonNull(attachments, "attachments");
      return this;
    }

    /** Retry every failed letter, permanent failures included (same Message-ID); transient ones are retried anyway. */
    public Builder retryFailed(boolean retry) {
      this.retryFailed = retry;
      return this;
    }

    /** Letters another record holds (id → reason), e.g. the outbox's {@code .eml} files in an SMTP run: left alone. */
    public Builder holdBack(Map<String, String> reasons) {
      this.heldBack = Map.copyOf(reasons);
      return this;
    }

    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public CampaignRunner build() {
      return new CampaignRunner(this);
    }
  }

  /** A letter rendered ahead of delivery, or why it could not be. */
  record Rendered(Letter letter, Optional<Rendition> document, List<Rendition> attachments,
      Optional<RenderException> failure) {}

  /**
   * Runs {@code letters} (all of one campaign, distinct ids). Returns when every letter has an outcome
   * or the thread is interrupted.
   */
  public RunReport run(List<Letter> letters) {
    if (letters.isEmpty()) {
      RunReport empty = new RunReport("", List.of());
      listener.finished(empty);
      return empty;
    }
    String campaignId = Triage.requireOneCampaign(letters);
    // Letters another runner holds in a shared journal are left out: it reports them (claim refuses them here).
    Map<String, LetterStatus> known = journal.statusesForRun();
    Outcome[] outcomes = new Outcome[letters.size()];
    PostalBatch postal = new PostalBatch(postalDesk, journal, listener, clock, outcomes);
    Map<String, LetterState> rewrite = new HashMap<>();
    List<Integer> todo = new Triage(channel, postalDesk, journal, listener, clock, retryFailed, resendInDoubt, heldBack)
        .triage(letters, known, outcomes, postal, rewrite);
    listener.started(letters.size(), todo.size());
    try {
      renderAndDeliver(letters, todo, known, outcomes,
          new Work(postal, rewrite, new DeliveryLanes(channel.parallelism(), outcomes)));
    } finally {
      postal.finish();
    }
    List<Outcome> list = new ArrayList<>();
    for (Outcome o : outcomes) {
      if (o != null) {
        list.add(o);
      }
    }
    RunReport report = new RunReport(campaignId, list);
    listener.finished(report);
    return report;
  }

  /** A letter being rendered ahead of delivery, with its place in the plan. */
  private record Pending(int index, Future<Rendered> rendering) {}

  /** What a run carries from triage to delivery. */
  private record Work(PostalBatch postal, Map<String, LetterState> rewrite, DeliveryLanes lanes) {}

  /** Renders ahead on the pool while delivering in order, one letter at a time. */
  private void renderAndDeliver(List<Letter> letters, List<Integer> todo, Map<String, LetterStatus> known,
      Outcome[] outcomes, Work work) {
    ExecutorService pool = Executors.newFixedThreadPool(renderThreads, r -> {
      Thread t = new Thread(r, "demarche-render");
      t.setDaemon(true);
      return t;
    });
    try {
      Deque<Pending> window = new ArrayDeque<>();
      int next = 0;
      int ahead = renderThreads * 2 + 1;
      while (next < todo.size() || !window.isEmpty()) {
        while (next < todo.size() && window.size() < ahead) {
          int index = todo.get(next++);
          Letter l = letters.get(index);
          // A shared journal hands each letter to one runner: one another runner holds (or settled since
          // triage) is neither rendered nor sent here, and has no outcome in this run's report.
          if (work.rewrite().containsKey(l.id()) || journal.claim(l.id(), Optional.ofNullable(known.get(l.id())))) {
            window.add(new Pending(index, pool.submit(() -> render(l))));
          }
        }
        if (window.isEmpty()) {
          break;
        }
        Pending pending = window.poll();
        Rendered rendered = pending.rendering().get();
        LetterStatus status = known.get(rendered.letter().id());
        int index = pending.index();
        LetterState rewriteOf = work.rewrite().get(rendered.letter().id());
        Outcome outcome = rewriteOf != null
            ? new Rewrite(channel, postalDesk, listener).rewrite(rendered, rewriteOf, status)
            : deliver(rendered, status == null ? 0 : status.attempts(), index, work);
        if (outcome != null) {
          outcomes[index] = outcome;
        }
        if (Thread.currentThread().isInterrupted() || work.lanes().stopped()) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException("rendering failed unexpectedly", e.getCause());
    } finally {
      pool.shutdownNow();
      work.lanes().finish(Thread.currentThread().isInterrupted());
    }
  }

  private Rendered render(Letter letter) {
    try {
      Rendition doc = renderer.render(letter);
      List<Rendition> extra = new ArrayList<>();
      for (Letter a : attachments.apply(letter)) {
        extra.add(renderer.render(a));
      }
      listener.rendered(letter, doc);
      return new Rendered(letter, Optional.of(doc), extra, Optional.empty());
    } catch (RenderException e) {
      return new Rendered(letter, Optional.empty(), List.of(), Optional.of(e));
    } catch (RuntimeException e) {
      // A renderer's own bug fails this letter, not the campaign: the others are still delivered.
      return new Rendered(letter, Optional.empty(), List.of(),
          Optional.of(new RenderException("the renderer failed unexpectedly: " + e, e)));
    }
  }

  /**
   * Delivers a rendered letter; null when it went to the postal batch, which settles it when the kit is written, or
   * to a delivery lane, which settles it when the channel is done.
   */
  private Outcome deliver(Rendered r, int attemptsBefore, int index, Work work) throws InterruptedException {
    Letter letter = r.letter();
    String missionId = letter.mission().id();
    if (r.failure().isPresent()) {
      // Nothing left the machine; once the text or the fonts are fixed, the next run tries again.
      String detail = "cannot render: " + r.failure().get().getMessage();
      journal.record(entry(letter, LetterState.FAILED_TRANSIENT, attemptsBefore, Optional.empty(), detail));
      listener.failed(letter, r.failure().get(), false);
      return new Outcome(letter.id(), missionId, Result.FAILED_TRANSIENT, 0, Optional.empty(), Optional.of(detail));
    }
    Rendition doc = r.document().orElseThrow();
    if (!channel.canDeliver(letter) && !letter.mission().address().isPostable()) {
      // Neither email nor a street address: nothing can carry it until the directory is corrected.
      String detail = "no email and no street address known for " + letter.mission().id()
          + ": add one in a directory correction file; the next run sends it";
      journal.record(entry(letter, LetterState.FAILED_TRANSIENT, attemptsBefore, Optional.empty(), detail));
      return new Outcome(letter.id(), missionId, Result.FAILED_TRANSIENT, 0, Optional.empty(), Optional.of(detail));
    }
    if (!channel.canDeliver(letter)) {
      // Journaled "by post" only once its PDF and a kit holding it are on disk (PostalBatch).
      return work.postal().post(index, letter, attemptsBefore, doc, r.attachments()).orElse(null);
    }
    String messageId = MessageIds.of(letter.campaignId(), letter.id(), letter.sender().emailDomain());
    Envelope envelope = new Envelope(letter, doc, r.attachments(), messageId);
    work.lanes().send(index, () -> send(envelope, attemptsBefore));
    return null;
  }

  /** Hands the envelope to the channel, retrying transient failures as the policy allows. */
  private Outcome send(Envelope envelope, int attemptsBefore) throws InterruptedException {
    Letter letter = envelope.letter();
    String missionId = letter.mission().id();
    Optional<String> messageId = Optional.of(envelope.messageId());
    Instant started = clock.instant();
    int attempt = attemptsBefore;
    for (int thisRun = 1; ; thisRun++) {
      attempt++;
      channel.awaitTurn(envelope, wait -> announce(letter, wait));
      journal.record(entry(letter, LetterState.SENDING, attempt, messageId, null));
      try {
        Receipt receipt = channel.deliver(envelope);
        journal.record(entry(letter, LetterState.SENT, attempt, messageId, receipt.detail()));
        listener.delivered(letter, receipt);
        return new Outcome(letter.id(), missionId, Result.SENT, thisRun, messageId, Optional.of(receipt.detail()));
      } catch (DeliveryException e) {
        Optional<Outcome> settled = settle(envelope, e, attempt, thisRun, started);
        if (settled.isPresent()) {
          return settled.get();
        }
        sleeper.sleep(retry.backoffAfter(thisRun));
      } catch (RuntimeException e) {
        // A channel that fails in an unforeseen way may or may not have sent: report it in doubt.
        listener.failed(letter, new DeliveryException(DeliveryException.Kind.TRANSIENT,
            "unexpected failure in channel " + channel.name() + ": " + e, Optional.empty(), true, e), false);
        return new Outcome(letter.id(), missionId, Result.IN_DOUBT, thisRun, messageId,
            Optional.of("unexpected failure: " + e));
      }
    }
  }

  /** Tells the listener of a channel's wait that lasts over 2 s, before it begins. */
  private void announce(Letter letter, org.demarche.core.spi.Wait wait) {
    if (Duration.between(clock.instant(), wait.until()).compareTo(Duration.ofSeconds(2)) > 0) {
      listener.waiting(letter, wait.reason(), wait.until());
    }
  }

  /** The outcome of a failed attempt, or empty when the policy says to try again after its backoff. */
  private Optional<Outcome> settle(Envelope envelope, DeliveryException e, int attempt, int thisRun, Instant started) {
    Letter letter = envelope.letter();
    String missionId = letter.mission().id();
    Optional<String> messageId = Optional.of(envelope.messageId());
    String detail = e.serverReply().map(reply -> e.getMessage() + " (server: " + reply + ")").orElse(e.getMessage());
    if (e.maybeDelivered()) {
      // The message may have reached the server: the letter stays "sending", reported in doubt.
      listener.failed(letter, e, false);
      return Optional.of(new Outcome(letter.id(), missionId, Result.IN_DOUBT, thisRun, messageId, Optional.of(detail)));
    }
    if (e.kind() == DeliveryException.Kind.SENDER_SIDE) {
      // Our own side's setup: trying again in this run changes nothing; the next run, once it is fixed, does.
      String why = detail + " (a problem on the sending side: fix it and run again; the next run retries it)";
      journal.record(entry(letter, LetterState.FAILED_TRANSIENT, attempt, messageId, why));
      listener.failed(letter, e, false);
      return Optional.of(new Outcome(letter.id(), missionId, Result.FAILED_TRANSIENT, thisRun, messageId,
          Optional.of(why)));
    }
    if (e.kind() == DeliveryException.Kind.PERMANENT) {
      journal.record(entry(letter, LetterState.FAILED_PERMANENT, attempt, messageId, detail));
      listener.failed(letter, e, false);
      return Optional.of(new Outcome(letter.id(), missionId, Result.FAILED_PERMANENT, thisRun, messageId,
          Optional.of(detail)));
    }
    Duration wait = retry.backoffAfter(thisRun);
    // A sender-side failure (settings, login, TLS) would fail the same way now: the next run retries it.
    boolean again = e.kind() == DeliveryException.Kind.TRANSIENT && thisRun < retry.maxAttempts()
        && Duration.between(started, clock.instant()).plus(wait).compareTo(retry.maxTotal()) <= 0;
    journal.record(entry(letter, LetterState.FAILED_TRANSIENT, attempt, messageId, detail));
    listener.failed(letter, e, again);
    return again ? Optional.empty()
        : Optional.of(new Outcome(letter.id(), missionId, Result.FAILED_TRANSIENT, thisRun, messageId,
            Optional.of(detail)));
  }

  private JournalEntry entry(Letter letter, LetterState state, int attempt, Optional<String> messageId, String detail) {
    return new JournalEntry(letter.id(), state, clock.instant(), attempt, messageId, Optional.ofNullable(detail));
  }
}
