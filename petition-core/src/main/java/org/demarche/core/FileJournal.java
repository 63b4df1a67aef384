package org.demarche.core;

import org.demarche.core.model.Values;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.JournalEntry;
import org.demarche.core.model.LetterOutcome;
import org.demarche.core.model.LetterState;
import org.demarche.core.model.LetterStatus;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.demarche.core.spi.DeliveryJournal;

/**
 * The embedded journal: one file per campaign, one line per state change, each line a JSON object
 * followed by its CRC-32C, appended and forced to disk before {@link #record} returns.
 *
 * <p>A torn last line after a valid record (the process died while writing it) is dropped when the
 * journal is opened to append; any other damage (no complete line, zero bytes, a line that is no
 * record, a record of another campaign) is an {@link InvalidInputException} naming the line, and the
 * file is left byte for byte as it was. {@link #read} opens a journal without writing to it. The file is locked while open,
 * so a second runner on the same campaign is refused with {@link JournalLockedException}.
 */
public final class FileJournal implements DeliveryJournal {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final String campaignId;
  private final FileChannel channel;
  private final Optional<FileLock> lock;
  private final Map<String, LetterStatus> statuses = new LinkedHashMap<>();
  private final List<LetterOutcome> outcomes = new java.util.ArrayList<>();

  private FileJournal(Path file, String campaignId, FileChannel channel, Optional<FileLock> lock) {
    this.file = file;
    this.campaignId = campaignId;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * The letters the journal of {@code filesChannel} (the default channel, which sends nothing: it writes files such as
   * {@code .eml} drafts the operator may have sent by hand) records as written, when {@code channel} is another
   * channel: one record of each letter across channels. Read only; none when the channel is that one or it has no
   * journal yet. By letter id, why it is held back.
   */
  static Map<String, String> heldBack(Campaign campaign, String filesChannel, String channel) {
    if (channel.equals(filesChannel)) {
      return Map.of();
    }
    Path file = defaultFile(campaign, filesChannel);
    Map<String, String> held = new java.util.LinkedHashMap<>();
    try (FileJournal written = read(file, campaign.id())) {
      written.statuses().values().stream().filter(s -> s.state() == LetterState.SENT)
          .forEach(s -> held.put(s.letterId(), "in the outbox since " + s.at() + " (" + file.getFileName()
              + "): its .eml may have been sent by hand; not sent over " + channel
              + " unless you add --include-outboxed"));
    }
    return held;
  }

  /**
   * Where the journal of {@code campaign} on {@code channel} lives unless told otherwise: beside the
   * campaign file, {@code <campaign file without extension>.<channel>.journal}. The same rule serves an
   * embedded run and the runner, so both keep one record of one campaign on one channel.
   *
   * @throws IllegalArgumentException for a campaign read from a stream or built in code: it has no folder,
   *     and a journal is never written into the working folder by surprise; give one in {@link RunOptions}
   */
  public static Path defaultFile(Campaign campaign, String channel) {
    if (campaign.folder().isEmpty()) {
      throw new IllegalArgumentException("the campaign " + campaign.id() + " (" + campaign.source().name()
          + ") was not loaded from a file, so it has no folder for its journal: give one with"
          + " RunOptions.withJournal(a DeliveryJournal, e.g. PostgresJournals) or RunOptions.withJournal(Path)");
    }
    String fileName = campaign.file().getFileName().toString();
    return campaign.baseDir().resolve(fileName.replaceAll("\\.(ya?ml|json)$", "") + "." + Values.id(channel, "channel") + ".journal");
  }

  /**
   * Opens (or creates, readable by the owner only) the journal of {@code campaignId} at {@code file} and
   * locks it for appending. A torn last line after a valid record (the process died while appending it)
   * is cut off; any other damage is refused and the file is left exactly as it was.
   *
   * @throws JournalLockedException when another runner holds it
   * @throws InvalidInputException when the file is not a journal, is damaged other than by a torn last
   *     line, or belongs to another campaign
   */
  public static FileJournal open(Path file, String campaignId) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      requireRegularFileOrNone(file);
      if (Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
        createPrivate(file);
      }
      FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        ch.close();
        throw new JournalLockedException("the journal " + file + " is in use by another Demarche run of campaign "
            + campaignId + "; wait for it to finish (two runners on one campaign could send a letter twice)");
      }
      FileJournal journal = new FileJournal(file, campaignId, ch, Optional.of(lock));
      try {
        journal.replay(true);
      } catch (RuntimeException e) {
        journal.close();
        throw e;
      }
      return journal;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the journal " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads the journal of {@code campaignId} at {@code file} without writing anything: no file is created,
   * nothing is repaired or locked (a torn last line is ignored, not cut off), and {@link #record} is
   * refused. A missing file reads as an empty journal. For commands that only look ({@code status},
   * {@code validate}).
   *
   * @throws InvalidInputException when the file is not a journal or is damaged other than by a torn last line
   */
  public static FileJournal read(Path file, String campaignId) {
    try {
      requireRegularFileOrNone(file);
      if (!Files.exists(file)) {
        FileJournal empty = new FileJournal(file, campaignId, null, Optional.empty());
        return empty;
      }
      FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
      FileJournal journal = new FileJournal(file, campaignId, ch, Optional.empty());
      try {
        journal.replay(false);
      } finally {
        ch.close();
      }
      return journal;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the journal " + file + ": " + e.getMessage(), e);
    }
  }

  private static void requireRegularFileOrNone(Path file) {
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      throw new InvalidInputException(new Problem(Location.of(file.toString()), "journal",
          "is not a regular file (a folder, device or pipe): a journal is a file; name another with --journal"));
    }
  }

  private static void createPrivate(Path file) throws IOException {
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    } catch (FileAlreadyExistsException e) {
      // Created meanwhile by another runner: the lock decides which of the two goes on.
    }
  }

  private void replay(boolean mayRepair) throws IOException {
    long size = channel.size();
    if (size > Integer.MAX_VALUE) {
      throw new InvalidInputException(new Problem(Location.of(file.toString()), "", "the journal is larger than 2 GB"));
    }
    ByteBuffer buf = ByteBuffer.allocate((int) size);
    while (buf.hasRemaining() && channel.read(buf, buf.position()) >= 0) {
      // read until full
    }
    byte[] bytes = buf.array();
    int start = 0;
    int lineNo = 0;
    long goodEnd = 0;
    while (start < bytes.length) {
      lineNo++;
      int nl = indexOf(bytes, (byte) '\n', start);
      String line = new String(bytes, start, (nl < 0 ? bytes.length : nl) - start, StandardCharsets.UTF_8);
      Optional<String> error = nl < 0 ? Optional.of("the line is not finished") : apply(line);
      if (error.isPresent()) {
        if (nl < 0 && goodEnd > 0) {
          // A torn last line after a valid record: the process died while appending it; the step it described
          // did not happen. A reader ignores it; a writer cuts it off before appending.
          if (mayRepair) {
            channel.truncate(goodEnd);
            channel.force(true);
          }
          return;
        }
        throw damaged(bytes, lineNo, error.get(), goodEnd == 0);
      }
      goodEnd = nl + 1;
      start = nl + 1;
    }
  }

  /** The refusal of a damaged journal: where, what is wrong, and what to do; the file is left untouched. */
  private InvalidInputException damaged(byte[] bytes, int lineNo, String error, boolean noRecordBefore) {
    String what;
    if (noRecordBefore && allZero(bytes)) {
      what = "the file holds only zero bytes (" + bytes.length + "), as a crash of the disk or file system leaves it,"
          + " and no journal record";
    } else if (noRecordBefore && indexOf(bytes, (byte) '\n', 0) < 0) {
      what = "the file is not a Demarche journal: it holds no complete line (" + bytes.length + " bytes)";
    } else if (noRecordBefore) {
      what = "the file is not a Demarche journal, or its start is damaged: line 1 is not a journal record (" + error + ")";
    } else {
      what = "the journal is damaged at line " + lineNo + ": " + error + " (only a torn last line, as a crash leaves"
          + " it, is repaired)";
    }
    return new InvalidInputException(new Problem(new Location(file.toString(), lineNo, 1), "journal", what
        + ". The file was left as it was. If it is not this campaign's journal, name the right one with --journal;"
        + " if it is, restore it from a backup, or move it aside to start over (letters it records as sent may then"
        + " be sent again)"));
  }

  private static boolean allZero(byte[] bytes) {
    for (byte b : bytes) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private Optional<String> apply(String line) {
    int space = line.lastIndexOf(' ');
    if (space < 0) {
      return Optional.of("no checksum");
    }
    String json = line.substring(0, space);
    String crc = line.substring(space + 1);
    if (!crc.equals(crc(json))) {
      return Optional.of("the checksum does not match");
    }
    try {
      JsonNode n = JSON.readTree(json);
      if (!campaignId.equals(n.path("campaign").asText())) {
        return Optional.of("the line belongs to campaign '" + n.path("campaign").asText() + "', not '" + campaignId
            + "': use a journal file per campaign");
      }
      if (n.has("outcome")) {
        // An outcome line (posted, replied, ...): beside the states, it changes none.
        outcomes.add(JournalLines.outcome(n));
        return Optional.empty();
      }
      JournalEntry e = new JournalEntry(n.path("letter").asText(), LetterState.valueOf(n.path("state").asText()),
          Instant.parse(n.path("at").asText()), n.path("attempt").asInt(),
          n.hasNonNull("messageId") ? Optional.of(n.get("messageId").asText()) : Optional.empty(),
          n.hasNonNull("detail") ? Optional.of(n.get("detail").asText()) : Optional.empty());
      remember(e);
      return Optional.empty();
    } catch (JsonProcessingException | RuntimeException ex) {
      return Optional.of("the line cannot be read (" + ex.getClass().getSimpleName() + ")");
    }
  }

  private void remember(JournalEntry e) {
    LetterStatus previous = statuses.get(e.letterId());
    int attempts = Math.max(previous == null ? 0 : previous.attempts(), e.attempt());
    Optional<String> messageId = e.messageId().isPresent() ? e.messageId()
        : previous == null ? Optional.empty() : previous.messageId();
    statuses.put(e.letterId(), new LetterStatus(e.letterId(), e.state(), e.at(), attempts, messageId, e.detail()));
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static String crc(String json) {
    return JournalLines.crc(json);
  }

  @Override
  public synchronized Map<String, LetterStatus> statuses() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
  }

  @Override
  public synchronized void record(JournalEntry entry) {
    recordAll(List.of(entry));
  }

  /** Appends several entries with one flush to disk (used for planning many letters at once). */
  @Override
  public synchronized void recordAll(List<JournalEntry> entries) {
    StringBuilder lines = new StringBuilder();
    for (JournalEntry e : entries) {
      lines.append(JournalLines.line(entryNode(e)));
    }
    append(lines.toString());
    entries.forEach(this::remember);
  }

  /**
   * Appends an outcome as a line of its own ({@code "outcome"} instead of {@code "state"}), forced to disk. A journal
   * without such lines reads as before; these lines change no letter's state.
   */
  @Override
  public synchronized void recordOutcome(LetterOutcome o) {
    append(JournalLines.line(JournalLines.outcome(campaignId, o)));
    outcomes.add(o);
  }

  @Override
  public synchronized List<LetterOutcome> outcomes() {
    return List.copyOf(outcomes);
  }

  private ObjectNode entryNode(JournalEntry e) {
    ObjectNode n = JSON.createObjectNode();
    n.put("campaign", campaignId);
    n.put("letter", e.letterId());
    n.put("state", e.state().name());
    n.put("at", e.at().toString());
    n.put("attempt", e.attempt());
    e.messageId().ifPresent(m -> n.put("messageId", m));
    e.detail().ifPresent(d -> n.put("detail", JournalLines.clip(d)));
    return n;
  }

  private void append(String lines) {
    if (lock.isEmpty()) {
      throw new IllegalStateException("the journal " + file + " was opened to read only");
    }
    if (!channel.isOpen()) {
      throw new IllegalStateException("the journal " + file + " is closed");
    }
    try {
      ByteBuffer buf = ByteBuffer.wrap(lines.getBytes(StandardCharsets.UTF_8));
      long at = channel.size();
      while (buf.hasRemaining()) {
        at += channel.write(buf, at);
      }
      channel.force(false);
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot write the journal " + file + "; nothing more is sent", ex);
    }
  }

  /** Where the journal lives. */
  public Path file() {
    return file;
  }

  @Override
  public synchronized void close() {
    if (lock.isEmpty()) {
      return;
    }
    try {
      if (lock.get().isValid()) {
        lock.get().release();
      }
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the journal " + file, e);
    }
  }
}
