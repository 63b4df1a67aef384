package org.demarche.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.demarche.core.model.Letter;
import org.demarche.core.PostalDesk;
import org.demarche.core.model.Rendition;
import org.demarche.core.files.AtomicFiles;
import org.demarche.core.model.SafeNames;
import org.demarche.render.pdf.PrintKit;

/** Collects the letters that go by post: writes each PDF into the outbox and, at the end, the print kit. */
final class PostalKit implements PostalDesk {
  private final Path folder;
  private final Function<Letter, List<Letter>> translations;
  private final List<Posted> posted = new ArrayList<>();

  record Posted(Letter letter, Rendition document, List<Rendition> attachments) {}

  /**
   * @param folder the outbox folder
   * @param translations the translations that go into a letter's envelope (the campaign's attachments)
   */
  PostalKit(Path folder, Function<Letter, List<Letter>> translations) {
    this.folder = folder;
    this.translations = translations;
  }

  @Override
  public synchronized void post(Letter letter, Rendition document, List<Rendition> attachments) {
    write(document.fileNameFor(letter), document);
    attachments.forEach(a -> write(a.fileName(), a));
    posted.add(new Posted(letter, document, attachments));
  }

  private void write(String name, Rendition r) {
    try {
      AtomicFiles.write(SafeNames.inside(folder, name), AtomicFiles.Access.PRIVATE, out -> out.write(r.content()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + r.fileName() + " into " + folder, e);
    }
  }

  /** Writes the print kit for this run's postal letters; returns the files written. */
  synchronized List<Path> finish() {
    if (posted.isEmpty()) {
      return List.of();
    }
    posted.sort(Comparator.comparing(p -> p.letter().mission().id()));
    return PrintKits.write(folder, posted.stream()
        .map(p -> new PrintKit.Item(p.letter(), translations.apply(p.letter()))).toList());
  }
}
