package org.demarche.voice;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.demarche.core.model.Campaign;
import org.demarche.core.CampaignRunner;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.JournalEntry;
import org.demarche.core.model.Letter;
import org.demarche.core.model.LetterData;
import org.demarche.core.model.LetterState;
import org.demarche.core.model.LetterStatus;
import org.demarche.core.PostalDesk;
import org.demarche.core.ProgressListener;
import org.demarche.core.RunReport;
import org.demarche.core.model.Signatories;
import org.demarche.core.spi.DeliveryChannel;
import org.demarche.core.spi.DeliveryJournal;
import org.demarche.core.spi.LetterRenderer;

/**
 * Sends supporters' letters on their behalf, when the campaign chooses it ({@code delivery.voice.mode:
 * on-behalf}): from the NGO's address with the supporter as Reply-To (a message "from" the supporter's own
 * domain sent by the NGO's server fails SPF and DMARC and lands in spam), through the {@link CampaignRunner}
 * and the campaign's journal like any other letter.
 *
 * <ul>
 *   <li><b>Once.</b> A supporter's letter has one id ({@link Voices#letterId}); whatever the journal knows of it
 *       (sent, in a digest, by post, failed for good, in doubt) keeps it from being sent again, whichever mode
 *       sent it. Supporters are routed to one mission each, so this is never more than one letter per
 *       supporter per mission per campaign.</li>
 *   <li><b>Daily cap.</b> At most {@code dailyCapPerMission} supporter letters go to one mission per calendar
 *       day (in {@code zone}); the rest wait for a later run, in file order.</li>
 *   <li><b>Digest.</b> With {@code digest: true}, one email per mission per day: a short cover letter from the
 *       NGO with that day's supporter letters attached as rendered documents. Which letters a digest holds is
 *       written to the journal (state PLANNED, detail {@code digest <id>}) before anything is sent, so a digest retried
 *       after a failure carries the same letters under the same Message-ID; once a digest is sent, each of its
 *       letters is recorded SENT with the digest's Message-ID.</li>
 * </ul>
 */
public final class VoiceSender {
  private static final String IN_DIGEST = "digest ";

  private final Voices voices;
  private final LetterRenderer renderer;
  private final DeliveryChannel channel;
  private final DeliveryJournal journal;
  private Clock clock = Clock.systemUTC();
  private PostalDesk postalDesk = PostalDesk.NONE;
  private ProgressListener listener = ProgressListener.NONE;
  private CampaignRunner.Sleeper sleeper = d -> Thread.sleep(d.toMillis());

  private VoiceSender(Voices voices, LetterRenderer renderer, DeliveryChannel channel, DeliveryJournal journal) {
    this.voices = Objects.requireNonNull(voices, "voices");
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    this.channel = Objects.requireNonNull(channel, "channel");
    this.journal = Objects.requireNonNull(journal, "journal");
  }

  /**
   * A sender for a campaign in on-behalf mode.
   *
   * @throws IllegalStateException when the campaign's voice mode is drafts: nothing is sent for supporters then
   */
  public static VoiceSender create(Voices voices, LetterRenderer renderer, DeliveryChannel channel,
      DeliveryJournal journal) {
    if (voices.options().mode() != VoiceOptions.Mode.ON_BEHALF) {
      throw new IllegalStateException("the campaign " + voices.campaign().id() + " does not send supporters' letters"
          + " on their behalf (delivery.voice.mode is drafts): supporters send their own. Set delivery.voice.mode:"
          + " on-behalf to have the NGO send them, from its address with the supporter as Reply-To");
    }
    return new VoiceSender(voices, renderer, channel, journal);
  }

  /** The clock whose date (in the campaign's voice zone) is "today" for the cap and digests. */
  public VoiceSender clock(Clock c) {
    this.clock = Objects.requireNonNull(c, "clock");
    return this;
  }

  /** Where letters to missions the channel cannot reach go (default: none). */
  public VoiceSender postalDesk(PostalDesk desk) {
    this.postalDesk = Objects.requireNonNull(desk, "postalDesk");
    return this;
  }

  /** Who hears of each letter's progress (default: nobody). */
  public VoiceSender listener(ProgressListener l) {
    this.listener = Objects.requireNonNull(l, "listener");
    return this;
  }

  /** How the engine waits between retries (tests pass one that does not sleep). */
  public VoiceSender sleeper(CampaignRunner.Sleeper s) {
    this.sleeper = Objects.requireNonNull(s, "sleeper");
    return this;
  }

  /**
   * What a sending run did.
   *
   * @param batch who was routed, duplicates, rejections, warnings, similar paragraphs
   * @param run the engine's report (supporter letters, or digests in digest mode)
   * @param waiting supporter letters held back by the daily cap, per mission id
   * @param digests in digest mode, the letter ids each digest of this run carried
   */
  public record Report(Batch batch, RunReport run, Map<String, Integer> waiting, Map<String, List<String>> digests) {
    public Report {
      Objects.requireNonNull(batch, "batch");
      Objects.requireNonNull(run, "run");
      waiting = Map.copyOf(waiting);
      digests = Map.copyOf(digests);
    }
  }

  /** Sends what today allows of {@code supporters}' letters. */
  public Report send(List<Supporter> supporters) {
    Batch batch = voices.batch(supporters);
    Map<String, LetterStatus> known = journal.statuses();
    LocalDate today = LocalDate.ofInstant(clock.instant(), voices.options().zone());
    Map<String, List<Letter>> pendingByMission = new LinkedHashMap<>();
    Map<String, Letter> all = new LinkedHashMap<>();
    for (Routing r : batch.routed()) {
      Letter l = voices.onBehalf(r);
      all.put(l.id(), l);
      LetterStatus st = known.get(l.id());
      boolean fresh = st == null || (st.state() == LetterState.PLANNED && !inDigest(st))
          || (st.state() == LetterState.FAILED_TRANSIENT && !voices.options().digest());
      if (fresh) {
        pendingByMission.computeIfAbsent(l.mission().id(), k -> new ArrayList<>()).add(l);
      }
    }
    return voices.options().digest() ? digests(batch, known, today, all, pendingByMission)
        : individually(batch, known, today, all, pendingByMission);
  }

  private static boolean inDigest(LetterStatus st) {
    return st.detail().map(d -> d.startsWith(IN_DIGEST)).orElse(false);
  }

  private Report individually(Batch batch, Map<String, LetterStatus> known, LocalDate today, Map<String, Letter> all,
      Map<String, List<Letter>> pending) {
    int cap = voices.options().dailyCapPerMission();
    List<Letter> todays = new ArrayList<>();
    Map<String, Integer> waiting = new LinkedHashMap<>();
    for (Map.Entry<String, List<Letter>> e : pending.entrySet()) {
      int already = sentToday(known, today, all, e.getKey());
      int room = Math.max(0, cap - already);
      List<Letter> letters = e.getValue();
      todays.addAll(letters.subList(0, Math.min(room, letters.size())));
      if (letters.size() > room) {
        waiting.put(e.getKey(), letters.size() - room);
      }
    }
    RunReport run = runner(l -> List.of()).run(todays);
    return new Report(batch, run, waiting, Map.of());
  }

  /** Letters to {@code missionId} (supporter letters, and the letters inside digests) sent on {@code today}. */
  private int sentToday(Map<String, LetterStatus> known, LocalDate today, Map<String, Letter> all, String missionId) {
    int n = 0;
    for (Letter l : all.values()) {
      LetterStatus st = known.get(l.id());
      if (st != null && l.mission().id().equals(missionId)
          && (st.state() == LetterState.SENT || st.state() == LetterState.SENDING)
          && !LocalDate.ofInstant(st.at(), voices.options().zone()).isBefore(today)) {
        n++;
      }
    }
    return n;
  }

  private Report digests(Batch batch, Map<String, LetterStatus> known, LocalDate today, Map<String, Letter> all,
      Map<String, List<Letter>> pending) {
    Map<String, List<Letter>> members = new LinkedHashMap<>();
    Map<String, DiplomaticMission> missionOf = new LinkedHashMap<>();
    resumeDigests(known, all, members, missionOf);
    Map<String, Integer> waiting = planDigests(known, today, pending, members, missionOf);
    RunReport run = sendDigests(members, missionOf);
    Map<String, List<String>> ids = new LinkedHashMap<>();
    members.forEach((k, v) -> ids.put(k, v.stream().map(Letter::id).toList()));
    return new Report(batch, run, waiting, ids);
  }

  /**
   * Digests planned earlier and not finished go into {@code members}, to be retried with the letters they were
   * given; letters of digests that finished (the run stopped before their letters were recorded) are recorded.
   */
  private void resumeDigests(Map<String, LetterStatus> known, Map<String, Letter> all,
      Map<String, List<Letter>> members, Map<String, DiplomaticMission> missionOf) {
    List<JournalEntry> repairs = new ArrayList<>();
    for (Letter l : all.values()) {
      LetterStatus st = known.get(l.id());
      if (st != null && st.state() == LetterState.PLANNED && inDigest(st)) {
        String digestId = st.detail().get().substring(IN_DIGEST.length()).strip();
        LetterStatus ds = known.get(digestId);
        if (ds != null && (ds.state() == LetterState.SENT || ds.state() == LetterState.BY_POST
            || ds.state() == LetterState.FAILED_PERMANENT)) {
          repairs.add(memberDone(l, digestId, ds.state(), ds.messageId()));
        } else {
          members.computeIfAbsent(digestId, k -> new ArrayList<>()).add(l);
          missionOf.put(digestId, l.mission());
        }
      }
    }
    journal.recordAll(repairs);
  }

  /**
   * Today's digest per mission, up to the cap, written to the journal before anything is sent; returns the
   * letters left waiting per mission id.
   */
  private Map<String, Integer> planDigests(Map<String, LetterStatus> known, LocalDate today,
      Map<String, List<Letter>> pending, Map<String, List<Letter>> members, Map<String, DiplomaticMission> missionOf) {
    int cap = voices.options().dailyCapPerMission();
    Map<String, Integer> waiting = new LinkedHashMap<>();
    List<JournalEntry> planned = new ArrayList<>();
    for (Map.Entry<String, List<Letter>> e : pending.entrySet()) {
      DiplomaticMission mission = e.getValue().get(0).mission();
      String digestId = digestId(mission.id(), today);
      List<Letter> letters = e.getValue();
      int room = known.containsKey(digestId) || members.containsKey(digestId) ? 0 : cap;
      List<Letter> taken = letters.subList(0, Math.min(room, letters.size()));
      if (!taken.isEmpty()) {
        members.put(digestId, new ArrayList<>(taken));
        missionOf.put(digestId, mission);
        for (Letter l : taken) {
          planned.add(new JournalEntry(l.id(), LetterState.PLANNED, clock.instant(), 0, Optional.empty(),
              Optional.of(IN_DIGEST + digestId)));
        }
      }
      if (letters.size() > taken.size()) {
        waiting.put(mission.id(), letters.size() - taken.size());
      }
    }
    journal.recordAll(planned);
    return waiting;
  }

  /** Sends each digest's cover letter with its letters attached, then records the letters as the digest went. */
  private RunReport sendDigests(Map<String, List<Letter>> members, Map<String, DiplomaticMission> missionOf) {
    List<Letter> covers = new ArrayList<>();
    for (Map.Entry<String, List<Letter>> d : members.entrySet()) {
      covers.add(cover(d.getKey(), missionOf.get(d.getKey()), d.getValue()));
    }
    Map<String, List<Letter>> byCover = new LinkedHashMap<>(members);
    RunReport run = runner(cover -> byCover.getOrDefault(cover.id(), List.of())).run(covers);
    List<JournalEntry> done = new ArrayList<>();
    for (RunReport.Outcome o : run.outcomes()) {
      LetterState state = switch (o.result()) {
        case SENT, ALREADY_SENT -> LetterState.SENT;
        case BY_POST, ALREADY_BY_POST -> LetterState.BY_POST;
        case FAILED_PERMANENT -> LetterState.FAILED_PERMANENT;
        default -> null;
      };
      if (state != null) {
        for (Letter l : members.get(o.letterId())) {
          done.add(memberDone(l, o.letterId(), state, o.messageId()));
        }
      }
    }
    journal.recordAll(done);
    return run;
  }

  private JournalEntry memberDone(Letter l, String digestId, LetterState state, Optional<String> messageId) {
    return new JournalEntry(l.id(), state, clock.instant(), 1, messageId,
        Optional.of("in digest " + digestId + " to " + l.mission().id()));
  }

  private CampaignRunner runner(Function<Letter, List<Letter>> attachments) {
    return CampaignRunner.builder(renderer, channel, journal)
        .retry(voices.campaign().delivery().retry())
        .postalDesk(postalDesk)
        .listener(listener)
        .sleeper(sleeper)
        .clock(clock)
        .attachments(attachments)
        .build();
  }

  /** {@code digest-<yyyymmdd>-} and a hash of the mission id: one id per mission per day. */
  static String digestId(String missionId, LocalDate day) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(missionId.getBytes(StandardCharsets.UTF_8));
      String suffix = missionId.length() <= 80 ? missionId : HexFormat.of().formatHex(h, 0, 8);
      return "digest-" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + suffix;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The NGO's cover letter for a digest: what is attached, and who wrote it. */
  private Letter cover(String digestId, DiplomaticMission mission, List<Letter> letters) {
    Campaign c = voices.campaign();
    LocalDate day = LocalDate.parse(digestId.substring(7, 15), DateTimeFormatter.BASIC_ISO_DATE);
    String n = letters.size() == 1 ? "one letter" : letters.size() + " letters";
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add("Please find attached " + n + " to " + c.petition().addressee().name() + ", "
        + c.petition().addressee().title() + ", from supporters of our petition \u201c" + letters.get(0).subject()
        + "\u201d who live in the area the " + mission.name() + " serves. Each letter is signed by its writer and is"
        + " sent at their request; a reply to a writer can go to the address shown in their letter.");
    StringBuilder names = new StringBuilder("The letters are from: ");
    for (int i = 0; i < letters.size(); i++) {
      Letter l = letters.get(i);
      names.append(i == 0 ? "" : "; ").append(l.signer().name()).append(l.signer().title().map(t -> " (" + t + ")")
          .orElse(""));
    }
    paragraphs.add(names.append('.').toString());
    paragraphs.add("We would be grateful if you would forward them to their addressee.");
    return new Letter(digestId, c.id(), c.sender(), mission, c.petition().addressee(), "en", day,
        LetterData.formatDate(day, "en"), "Letters from supporters (" + n + ", " + LetterData.formatDate(day, "en")
        + ")", "Dear Sir or Madam,", paragraphs, "Yours faithfully,", c.petition().signedBy(), Signatories.none(),
        c.disclosureCap(), false, Optional.empty());
  }
}
