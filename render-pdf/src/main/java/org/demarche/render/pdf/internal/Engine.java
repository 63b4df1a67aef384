package org.demarche.render.pdf.internal;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.demarche.core.model.Letter;
import org.demarche.core.model.RenderException;

/**
 * Renders letters with fonts parsed once per thread. Documents with a long appendix keep their page
 * contents in a scratch file rather than in memory.
 */
public final class Engine {
  /** Appendix pages above which page contents go to a scratch file. */
  static final int SCRATCH_PAGES = 40;

  private final FontSet fonts;
  private final Geometry geometry;
  private final Optional<byte[]> signature;
  private final boolean archival;

  public Engine(FontSet fonts, Geometry geometry, Optional<byte[]> signature, boolean archival) {
    this.fonts = fonts;
    this.geometry = geometry;
    this.signature = signature;
    this.archival = archival;
  }

  /** The letter as PDF bytes. */
  public byte[] render(Letter letter) {
    LetterComposer composer = composer();
    LetterComposer.Plan plan = composer.plan(letter);
    if (plan.appendixPages() <= SCRATCH_PAGES) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
      write(composer, List.of(plan), out, false, letter);
      return out.toByteArray();
    }
    Path tmp = null;
    try {
      tmp = Files.createTempFile("demarche-", ".pdf");
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
        write(composer, List.of(plan), out, true, letter);
      }
      return Files.readAllBytes(tmp);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a scratch file the OS's temp cleaner will take
        }
      }
    }
  }

  /** Writes the letter as PDF to {@code out} (which stays open). */
  public void write(Letter letter, OutputStream out) {
    LetterComposer composer = composer();
    LetterComposer.Plan plan = composer.plan(letter);
    write(composer, List.of(plan), out, plan.appendixPages() > SCRATCH_PAGES, letter);
  }

  /** Writes several letters, one after another, as one PDF (for printing). */
  /**
   * Writes a print kit: a cover sheet, then each mission's documents (its letter, then its translations),
   * every document starting on a front page so that the kit prints double-sided; a blank page is added
   * after any document (and the cover) that ends on a front page.
   *
   * @param missions per mission, its letter first and then the translations that go in its envelope
   */
  public void writeKit(List<List<Letter>> missions, String title, OutputStream out) {
    if (missions.isEmpty() || missions.stream().anyMatch(List::isEmpty)) {
      throw new IllegalArgumentException("a print kit needs at least one letter for each mission");
    }
    LetterComposer composer = composer();
    List<List<LetterComposer.Plan>> plans = new ArrayList<>();
    int appendixPages = 0;
    for (List<Letter> documents : missions) {
      List<LetterComposer.Plan> p = new ArrayList<>();
      for (Letter l : documents) {
        LetterComposer.Plan plan = composer.plan(l);
        appendixPages += plan.appendixPages();
        p.add(plan);
      }
      plans.add(p);
    }
    Letter first = missions.get(0).get(0);
    CoverSheet cover = cover(composer, title, plans);
    try (PDDocument doc = appendixPages > SCRATCH_PAGES ? new PDDocument(IOUtils.createTempFileOnlyStreamCache())
        : new PDDocument()) {
      DocFonts docFonts = new DocFonts(doc, fonts.faces());
      StringBuilder fingerprint = new StringBuilder(first.campaignId());
      cover.draw(doc, docFonts);
      toFrontPage(composer, doc);
      for (List<LetterComposer.Plan> mission : plans) {
        for (LetterComposer.Plan p : mission) {
          composer.draw(doc, docFonts, p);
          toFrontPage(composer, doc);
          fingerprint.append('\n').append(p.letter.id()).append('\n').append(p.letter.plainText());
        }
      }
      PdfA.apply(doc, title, first.sender().name(), first.language(), first.date(), fingerprint.toString(), archival);
      doc.save(out);
    } catch (IOException e) {
      throw new RenderException("The print kit could not be written as PDF: " + e.getMessage(), e);
    }
  }

  /** The cover sheet, with the kit pages each document will occupy once cover and blank backs are counted. */
  private static CoverSheet cover(LetterComposer composer, String title, List<List<LetterComposer.Plan>> plans) {
    List<List<CoverSheet.Entry>> entries = new ArrayList<>();
    for (List<LetterComposer.Plan> mission : plans) {
      entries.add(mission.stream().map(p -> new CoverSheet.Entry(p.letter, 0, 0)).toList());
    }
    int coverPages = new CoverSheet(composer, title, entries).pages();
    int next = evenUp(coverPages) + 1;
    entries.clear();
    for (List<LetterComposer.Plan> mission : plans) {
      List<CoverSheet.Entry> e = new ArrayList<>();
      for (LetterComposer.Plan p : mission) {
        e.add(new CoverSheet.Entry(p.letter, next, next + p.pages() - 1));
        next += evenUp(p.pages());
      }
      entries.add(e);
    }
    return new CoverSheet(composer, title, entries);
  }

  private static int evenUp(int pages) {
    return pages + pages % 2;
  }

  private static void toFrontPage(LetterComposer composer, PDDocument doc) {
    if (doc.getNumberOfPages() % 2 == 1) {
      composer.newPage(doc);
    }
  }

  private void write(LetterComposer composer, List<LetterComposer.Plan> plans, OutputStream out, boolean scratch,
      Letter letter) {
    write(composer, plans, out, scratch, letter, letter.subject());
  }

  private void write(LetterComposer composer, List<LetterComposer.Plan> plans, OutputStream out, boolean scratch,
      Letter first, String title) {
    try (PDDocument doc = scratch ? new PDDocument(IOUtils.createTempFileOnlyStreamCache()) : new PDDocument()) {
      DocFonts docFonts = new DocFonts(doc, fonts.faces());
      StringBuilder fingerprint = new StringBuilder(first.campaignId());
      for (LetterComposer.Plan p : plans) {
        composer.draw(doc, docFonts, p);
        fingerprint.append('\n').append(p.letter.id()).append('\n').append(p.letter.plainText());
      }
      PdfA.apply(doc, title, first.sender().name(), first.language(), first.date(), fingerprint.toString(), archival);
      doc.save(out);
    } catch (IOException e) {
      throw new RenderException("Letter " + first.id() + " could not be written as PDF: " + e.getMessage(), e);
    }
  }

  private LetterComposer composer() {
    return new LetterComposer(geometry, fonts.faces(), signature);
  }

  public FontSet fonts() {
    return fonts;
  }
}
