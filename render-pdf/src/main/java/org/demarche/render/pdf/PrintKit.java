package org.demarche.render.pdf;

import org.demarche.core.files.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.demarche.core.model.Letter;
import org.demarche.core.model.Rendition;
import org.demarche.core.model.SafeNames;
import org.demarche.render.pdf.internal.AddressSheet;

/**
 * What an NGO needs to post its letters: all letters and their translations in one PDF for a duplex
 * printer, in the order given (pass them in mission order), and a PDF of DL envelopes (220 × 110 mm) in the same order, each with the sender's
 * return address and the mission's postal address in Latin script and, where known, the local script.
 *
 * <pre>{@code
 * List<Path> files = PrintKit.of(PdfRenderer.defaults())
 *     .write(List.of(new PrintKit.Item(letter, List.of(translation))), Path.of("post"));
 * }</pre>
 */
public final class PrintKit {
  private final PdfRenderer renderer;

  private PrintKit(PdfRenderer renderer) {
    this.renderer = renderer;
  }

  /** A print kit that sets letters as {@code renderer} does. */
  public static PrintKit of(PdfRenderer renderer) {
    return new PrintKit(Objects.requireNonNull(renderer, "renderer"));
  }

  /**
   * What goes into one mission's envelope: its letter, then the translations attached to it.
   *
   * @param letter the letter
   * @param translations the letter in other languages, in the order they are to be printed
   */
  public record Item(Letter letter, List<Letter> translations) {
    public Item {
      Objects.requireNonNull(letter, "letter");
      translations = List.copyOf(translations);
    }

    /** A letter with nothing attached. */
    public static Item of(Letter letter) {
      return new Item(letter, List.of());
    }
  }

  /**
   * All letters in one PDF, ready for a duplex printer: a cover sheet listing each mission, its address
   * and its pages, then per mission the letter and its translations, each document starting on a front
   * page (blank backs inserted) with its own page numbers, in the order of the envelopes.
   */
  public Rendition letters(List<Item> items) {
    return letters(items, "");
  }

  /**
   * Like {@link #letters(List)}, with {@code coverNote} (such as "Post by 2026-09-16 to arrive on 2026-09-24") after
   * the cover sheet's heading; empty: none.
   */
  public Rendition letters(List<Item> items, String coverNote) {
    Letter first = requireItems(items).letter();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<List<Letter>> missions = items.stream().map(i -> {
      List<Letter> documents = new java.util.ArrayList<>();
      documents.add(i.letter());
      documents.addAll(i.translations());
      return documents;
    }).toList();
    renderer.engine().writeKit(missions, first.subject() + (coverNote.isBlank() ? "" : ". " + coverNote.strip()), out);
    return new Rendition(first.campaignId() + ".letters.pdf", PdfRenderer.MEDIA_TYPE, first.language(),
        out.toByteArray());
  }

  /** One DL envelope page per mission, in the same order as {@link #letters}. */
  public Rendition envelopes(List<Item> items) {
    Letter first = requireItems(items).letter();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AddressSheet.write(renderer.engine().fonts(), items.stream().map(Item::letter).toList(),
        "Envelopes: " + first.subject(), renderer.options().pdfA(), out);
    return new Rendition(first.campaignId() + ".envelopes.pdf", PdfRenderer.MEDIA_TYPE, first.language(),
        out.toByteArray());
  }

  /**
   * Writes the letters' PDF and the envelopes' PDF into {@code folder} (created if missing) and
   * returns the two files.
   */
  public List<Path> write(List<Item> items, Path folder) {
    return write(items, folder, "");
  }

  /** Like {@link #write(List, Path)}, with a note on the cover sheet (see {@link #letters(List, String)}). */
  public List<Path> write(List<Item> items, Path folder, String coverNote) {
    try {
      Files.createDirectories(folder);
      Rendition all = letters(items, coverNote);
      Rendition env = envelopes(items);
      Path a = SafeNames.inside(folder, all.fileName());
      Path b = SafeNames.inside(folder, env.fileName());
      AtomicFiles.write(a, o -> o.write(all.content()));
      AtomicFiles.write(b, o -> o.write(env.content()));
      return List.of(a, b);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the print kit into " + folder + ": " + e.getMessage(), e);
    }
  }

  private static Item requireItems(List<Item> items) {
    Objects.requireNonNull(items, "items");
    if (items.isEmpty()) {
      throw new IllegalArgumentException("a print kit needs at least one letter");
    }
    return items.get(0);
  }
}
