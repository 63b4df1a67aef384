package org.demarche.voice;

import java.io.IOException;
import org.demarche.core.files.AtomicFiles;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.demarche.core.files.AtomicFiles;
import org.demarche.core.files.CsvWriter;
import org.demarche.core.model.DeliveryException;
import org.demarche.core.model.Envelope;
import org.demarche.core.model.Letter;
import org.demarche.core.model.Location;
import org.demarche.core.model.MessageIds;
import org.demarche.core.model.Problem;
import org.demarche.core.model.RenderException;
import org.demarche.core.model.Rendition;
import org.demarche.core.model.SafeNames;
import org.demarche.core.spi.DeliveryChannel;
import org.demarche.core.spi.LetterRenderer;

/**
 * Writes supporters' own letters into an outbox tree, one folder per mission: {@code out/<mission-id>/} holds
 * what the channel opened on that folder writes for each letter (typically the rendered document and, when the
 * mission publishes an email address, a ready-to-send draft from the supporter's own address).
 * {@code out/voices.csv} lists every letter with its supporter, mission, rule, the files the channel wrote for
 * it (those in its mission folder whose names start with the letter id) and its {@code mailto:} link. Letters
 * are rendered and written in parallel; nothing is sent.
 *
 * <p>Which files and names: the renderer makes each letter's {@link Rendition} and the channel decides what to
 * write from it, both through the SPI. Give a {@link ChannelOpener} that opens a file-writing
 * {@link DeliveryChannel} (one whose deliveries stay on this machine) on a folder, so that a supporter's draft
 * carries the same headers as the NGO's own letters.
 */
public final class VoiceOutbox {
  /** Opens a channel that writes each letter it is given into one folder, and sends nothing. */
  @FunctionalInterface
  public interface ChannelOpener {
    /**
     * The channel for one mission's folder.
     *
     * @param folder the folder, inside the outbox; the channel creates it when missing
     * @return a channel that writes into {@code folder}; the outbox closes it when done
     */
    DeliveryChannel open(Path folder);
  }

  /**
   * What a batch wrote.
   *
   * @param batch who got a letter, the duplicates, rejections, warnings and similar paragraphs
   * @param byMission letters written per mission id, in id order
   * @param written letters written
   * @param byPost of those, letters to missions without a published email (print and post them)
   * @param failures letters that could not be rendered or written, each naming its supporter's row
   * @param files per letter id, the files the channel wrote for it, relative to the outbox folder
   *     ({@code <mission-id>/<file>}), sorted
   * @param index the {@code voices.csv} file
   * @param elapsed how long rendering and writing took
   */
  public record Report(Batch batch, Map<String, Integer> byMission, int written, int byPost, List<Problem> failures,
      Map<String, List<String>> files, Path index, Duration elapsed) {
    /** Checks and copies every part. */
    public Report {
      Objects.requireNonNull(batch, "batch");
      byMission = java.util.Collections.unmodifiableMap(new TreeMap<>(byMission));
      failures = List.copyOf(failures);
      files = Map.copyOf(files);
      Objects.requireNonNull(index, "index");
      Objects.requireNonNull(elapsed, "elapsed");
    }
  }

  /** One letter's outcome: its mailto link, or why it failed (then {@code letter} may be null). */
  private record Written(Routing routing, Letter letter, String mailto, Problem failure) {}

  private final Voices voices;
  private final LetterRenderer renderer;
  private final ChannelOpener opener;
  private final int threads;

  private VoiceOutbox(Voices voices, LetterRenderer renderer, ChannelOpener opener, int threads) {
    this.voices = Objects.requireNonNull(voices, "voices");
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    this.opener = Objects.requireNonNull(opener, "opener");
    if (threads < 1 || threads > 64) {
      throw new IllegalArgumentException("threads must be between 1 and 64, not " + threads);
    }
    this.threads = threads;
  }

  /** An outbox that renders on as many threads as there are cores (at most 8). */
  public static VoiceOutbox create(Voices voices, LetterRenderer renderer, ChannelOpener outbox) {
    return create(voices, renderer, outbox, Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors())));
  }

  /** An outbox that renders on {@code threads} threads (1 to 64). */
  public static VoiceOutbox create(Voices voices, LetterRenderer renderer, ChannelOpener outbox, int threads) {
    return new VoiceOutbox(voices, renderer, outbox, threads);
  }

  /** Routes, checks and writes the letters of {@code supporters} into {@code out}. */
  public Report write(List<Supporter> supporters, Path out) {
    Batch batch = voices.batch(supporters);
    long started = System.nanoTime();
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the outbox folder " + out + ": " + e.getMessage(), e);
    }
    List<Routing> ordered = new ArrayList<>(batch.routed());
    ordered.sort(Comparator.comparing((Routing r) -> r.serving().mission().id()));
    List<Written> results = writeAll(ordered, out);
    Map<String, Integer> byMission = new TreeMap<>();
    List<Problem> failures = new ArrayList<>();
    int written = 0;
    int byPost = 0;
    for (Written w : results) {
      if (w.failure() != null) {
        failures.add(w.failure());
        continue;
      }
      written++;
      if (w.letter().mission().email().isEmpty()) {
        byPost++;
      }
      byMission.merge(w.letter().mission().id(), 1, Integer::sum);
    }
    Map<String, List<String>> files = filesWritten(out, results);
    Path index = out.resolve("voices.csv");
    writeIndex(index, results, files);
    return new Report(batch, byMission, written, byPost, failures, files, index,
        Duration.ofNanos(System.nanoTime() - started));
  }

  /** Writes every letter on the pool, each thread with its own channel per mission; closes them all. */
  private List<Written> writeAll(List<Routing> ordered, Path out) {
    ConcurrentLinkedQueue<DeliveryChannel> opened = new ConcurrentLinkedQueue<>();
    ThreadLocal<Map<String, DeliveryChannel>> channels = ThreadLocal.withInitial(HashMap::new);
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "demarche-voice");
      t.setDaemon(true);
      return t;
    });
    List<Written> results = new ArrayList<>();
    try {
      List<Future<Written>> futures = new ArrayList<>(ordered.size());
      for (Routing r : ordered) {
        futures.add(pool.submit(() -> writeOne(r, out, channels.get(), opened)));
      }
      for (Future<Written> f : futures) {
        results.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing supporters' letters", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("writing a supporter's letter failed unexpectedly: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
      opened.forEach(DeliveryChannel::close);
    }
    return results;
  }

  private Written writeOne(Routing routing, Path out, Map<String, DeliveryChannel> mine,
      ConcurrentLinkedQueue<DeliveryChannel> opened) {
    Location where = routing.supporter().origin();
    Letter letter = null;
    try {
      SupporterLetter sl = voices.draft(routing);
      letter = sl.letter();
      String missionId = letter.mission().id();
      DeliveryChannel channel = mine.get(missionId);
      if (channel == null) {
        channel = opener.open(SafeNames.inside(out, missionId));
        mine.put(missionId, channel);
        opened.add(channel);
      }
      Rendition document = renderer.render(letter);
      String messageId = MessageIds.of(letter.campaignId(), letter.id(), letter.sender().emailDomain());
      channel.deliver(new Envelope(letter, document, List.of(), messageId));
      return new Written(routing, letter, sl.mailto().map(Mailto::link).orElse(""), null);
    } catch (RenderException | DeliveryException | IllegalArgumentException | UncheckedIOException e) {
      return new Written(routing, letter, "", new Problem(where, "",
          "the letter " + (letter == null ? "" : letter.id() + " ") + "could not be written: " + e.getMessage()));
    }
  }

  /**
   * What the channels wrote for each letter written: the files in its mission folder whose names are its id,
   * or its id and a dot (ids hold no dots), as {@code <mission-id>/<file>}, sorted.
   */
  private static Map<String, List<String>> filesWritten(Path out, List<Written> results) {
    Map<String, Set<String>> idsByMission = new TreeMap<>();
    for (Written w : results) {
      if (w.failure() == null) {
        idsByMission.computeIfAbsent(w.letter().mission().id(), k -> new HashSet<>()).add(w.letter().id());
      }
    }
    Map<String, List<String>> files = new HashMap<>();
    idsByMission.forEach((missionId, ids) -> {
      try (Stream<Path> listing = Files.list(SafeNames.inside(out, missionId))) {
        listing.map(p -> p.getFileName().toString()).sorted().forEach(name -> {
          int dot = name.indexOf('.');
          String id = dot < 0 ? name : name.substring(0, dot);
          if (ids.contains(id)) {
            files.computeIfAbsent(id, k -> new ArrayList<>()).add(missionId + "/" + name);
          }
        });
      } catch (NoSuchFileException e) {
        // The channel wrote nothing for this mission.
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + out.resolve(missionId) + ": " + e.getMessage(), e);
      }
    });
    return files;
  }

  /**
   * Writes {@code voices.csv} through the project's one CSV writer (formulas neutralized) into a fresh file
   * moved into place (never through a link planted at its name), readable by the owner only: it lists
   * supporters' names and addresses.
   */
  private static void writeIndex(Path index, List<Written> results, Map<String, List<String>> files) {
    try {
      AtomicFiles.write(index, AtomicFiles.Access.PRIVATE, stream -> {
        CsvWriter w = CsvWriter.of(stream, false);
        w.row("letterId", "name", "email", "row", "missionId", "rule", "via", "files", "mailto");
        for (Written r : results) {
          if (r.failure() != null) {
            continue;
          }
          Supporter s = r.routing().supporter();
          w.row(r.letter().id(), s.name(), s.email().orElse(""), s.origin().toString(), r.letter().mission().id(),
              r.routing().serving().rule().name(), r.letter().mission().email().isPresent() ? "email" : "post",
              String.join(" ", files.getOrDefault(r.letter().id(), List.of())), r.mailto());
        }
        w.flush();
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + index + ": " + e.getMessage(), e);
    }
  }
}
