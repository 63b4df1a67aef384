package org.demarche.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.demarche.core.PostalDesk;
import org.demarche.core.files.AtomicFiles;
import org.demarche.core.model.Letter;
import org.demarche.core.model.Rendition;
import org.demarche.core.model.SafeNames;
import org.demarche.render.pdf.PrintKit;

/**
 * The runner's postal desk: writes each postal letter's PDF (and its translations) into the outbox folder,
 * named {@code <mission>.<language>.pdf}, and the print kit of every letter that goes by post whenever the
 * engine asks, before it journals them as posted. So the kit and the journal agree even after a crash,
 * and a kit removed by mistake is written again by the next run.
 */
final class PostalKit implements PostalDesk {
  private final Path folder;
  private final String campaignId;
  private final Function<Letter, List<Letter>> translations;
  private List<Path> kit = List.of();
  private boolean kitWasMissing;
  private Optional<String> kitFailure = Optional.empty();
  private String coverNote = "";

  /**
   * @param folder the outbox folder
   * @param campaignId the campaign, whose id names the kit's files
   * @param translations the translations that go into a letter's envelope (the campaign's attachments)
   */
  PostalKit(Path folder, String campaignId, Function<Letter, List<Letter>> translations) {
    this.folder = folder;
    this.campaignId = campaignId;
    this.translations = translations;
  }

  /** A note for the kit's cover sheet, such as the post-by day; empty: none. */
  synchronized PostalKit coverNote(String note) {
    this.coverNote = note;
    return this;
  }

  @Override
  public synchronized void post(Letter letter, Rendition document, List<Rendition> attachments) {
    write(document.fileNameFor(letter), document);
    attachments.forEach(a -> write(a.fileNameFor(letter), a));
  }

  private void write(String name, Rendition r) {
    try {
      AtomicFiles.write(SafeNames.inside(folder, name), AtomicFiles.Access.PRIVATE, out -> out.write(r.content()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + name + " into " + folder + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void kit(List<Letter> posted, boolean rebuilding) {
    List<Letter> sorted = new ArrayList<>(posted);
    sorted.sort(Comparator.comparing(l -> l.mission().id()));
    try {
      kit = PrintKits.write(folder, sorted.stream()
          .map(l -> new PrintKit.Item(l, translations.apply(l))).toList(), coverNote);
      kitWasMissing |= rebuilding;
      kitFailure = Optional.empty();
    } catch (RuntimeException e) {
      kitFailure = Optional.of(String.valueOf(e.getMessage()));
      throw e;
    }
  }

  @Override
  public boolean holds(Letter letter) {
    return Files.isRegularFile(folder.resolve(letter.id() + "." + letter.language() + ".pdf"));
  }

  @Override
  public boolean hasKit() {
    return PrintKits.files(folder, campaignId).stream().allMatch(Files::isRegularFile);
  }

  /** The kit files this run wrote (none when it wrote none). */
  synchronized List<Path> written() {
    return kit;
  }

  /** True when this run wrote again a kit that earlier runs' postal letters had lost. */
  synchronized boolean rebuilt() {
    return kitWasMissing && !kit.isEmpty();
  }

  /** Why the last attempt to write the kit failed, if it did. */
  synchronized Optional<String> failure() {
    return kitFailure;
  }
}
