package org.demarche.render.pdf.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.demarche.core.model.LetterMarkdown;

/**
 * A letter body's Markdown set as blocks: paragraphs justified, headings bold and kept with what
 * follows, list items with a hanging marker, quotations indented on both sides.
 */
final class BodyBlocks {
  static final float LIST_INDENT = 18f;
  static final float QUOTE_INDENT = 24f;

  /** Where a block's text failed to set, for the message. */
  interface Where {
    RuntimeException fail(String where, String text, RuntimeException e);
  }

  private BodyBlocks() {}

  static List<Block> of(List<String> paragraphs, TextLayout layout, float width, Where where) {
    List<Block> out = new ArrayList<>();
    List<LetterMarkdown.Block> md = LetterMarkdown.blocks(String.join("\n\n", paragraphs));
    for (int i = 0; i < md.size(); i++) {
      LetterMarkdown.Block b = md.get(i);
      boolean heading = b.kind() == LetterMarkdown.Kind.HEADING;
      boolean quote = b.kind() == LetterMarkdown.Kind.QUOTE;
      Style style = heading ? LetterComposer.BODY_BOLD : LetterComposer.BODY;
      float indent = quote ? b.depth() * QUOTE_INDENT : b.depth() * LIST_INDENT;
      Spans spans = spans(b, heading);
      try {
        Optional<Line> marker = b.marker().isEmpty() ? Optional.empty()
            : Optional.of(layout.single(b.marker(), LetterComposer.BODY));
        float textIndent = indent;
        List<Block.Entry> entries = new ArrayList<>();
        List<Line> lines = layout.lines(spans, style, width - textIndent);
        for (int k = 0; k < lines.size(); k++) {
          Line l = lines.get(k);
          Block.Align align = l.rtl() ? Block.Align.RIGHT : heading ? Block.Align.LEFT : Block.Align.JUSTIFY;
          entries.add(new Block.LineEntry(l, style, align, textIndent, k == 0 ? marker : Optional.empty()));
        }
        if (!entries.isEmpty()) {
          boolean tight = b.kind() == LetterMarkdown.Kind.ITEM && i > 0
              && md.get(i - 1).kind() == LetterMarkdown.Kind.ITEM;
          out.add(new Block(entries, heading ? 14f : tight ? 3f : 8f, heading, false, !heading));
        }
      } catch (MissingGlyphException | UnsupportedScriptException e) {
        throw where.fail("paragraph " + (i + 1), b.text(), e);
      }
    }
    return out;
  }

  private static Spans spans(LetterMarkdown.Block b, boolean allBold) {
    Spans.Builder sb = new Spans.Builder();
    for (LetterMarkdown.Span s : b.spans()) {
      FontSet.Variant v = s.bold() || allBold ? FontSet.Variant.BOLD
          : s.italic() ? FontSet.Variant.ITALIC : FontSet.Variant.REGULAR;
      sb.append(s.text(), v);
    }
    return sb.build();
  }
}
