package org.demarche.core.model;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Letter bodies are CommonMark (parsed by commonmark-java): paragraphs, emphasis and strong, headings,
 * bullet and numbered lists, block quotes and links. This flattens a body into the {@link Block}s a
 * letter is set from, and names what a letter cannot carry (tables, images, raw HTML) with its line.
 */
public final class LetterMarkdown {
  private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create()))
      .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

  private LetterMarkdown() {}

  /** What kind of block. */
  public enum Kind { PARAGRAPH, HEADING, ITEM, QUOTE }

  /**
   * A run of text in one style.
   *
   * @param text the characters
   * @param bold strong emphasis
   * @param italic emphasis
   */
  public record Span(String text, boolean bold, boolean italic) {}

  /**
   * A block of the body, flattened.
   *
   * @param kind paragraph, heading, list item or quoted paragraph
   * @param depth nesting: list and quote levels (0 at the top)
   * @param marker the list marker ("•", "2.") for the first block of an item, else empty
   * @param spans the text
   */
  public record Block(Kind kind, int depth, String marker, List<Span> spans) {
    public Block {
      spans = List.copyOf(spans);
    }

    /** The block's text without styles. */
    public String text() {
      StringBuilder out = new StringBuilder();
      spans.forEach(s -> out.append(s.text()));
      return out.toString();
    }
  }

  /**
   * A construct a letter cannot carry.
   *
   * @param line 1-based line in the parsed text
   * @param what what it is
   */
  public record Unsupported(int line, String what) {}

  /** What in {@code markdown} a letter cannot carry: tables, images and raw HTML, each with its line. */
  public static List<Unsupported> unsupported(String markdown) {
    List<Unsupported> out = new ArrayList<>();
    find(PARSER.parse(markdown), out);
    return out;
  }

  private static void find(Node node, List<Unsupported> out) {
    for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
      String what = n instanceof TableBlock ? "a table" : n instanceof Image ? "an image"
          : n instanceof HtmlBlock || n instanceof HtmlInline ? "raw HTML" : null;
      if (what != null) {
        int line = n.getSourceSpans().isEmpty() ? 1 : n.getSourceSpans().get(0).getLineIndex() + 1;
        out.add(new Unsupported(line, what));
      } else {
        find(n, out);
      }
    }
  }

  /** The body as blocks to set. */
  public static List<Block> blocks(String markdown) {
    List<Block> out = new ArrayList<>();
    blocks(PARSER.parse(markdown), 0, false, out);
    return out;
  }

  private static void blocks(Node parent, int depth, boolean quoted, List<Block> out) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Paragraph) {
        out.add(new Block(quoted ? Kind.QUOTE : Kind.PARAGRAPH, depth, "", inline(n)));
      } else if (n instanceof Heading) {
        out.add(new Block(Kind.HEADING, depth, "", inline(n)));
      } else if (n instanceof BlockQuote) {
        blocks(n, depth + 1, true, out);
      } else if (n instanceof BulletList || n instanceof OrderedList) {
        int number = n instanceof OrderedList o && o.getMarkerStartNumber() != null ? o.getMarkerStartNumber() : 1;
        for (Node item = n.getFirstChild(); item != null; item = item.getNext()) {
          String marker = n instanceof BulletList ? "•" : (number++) + ".";
          int at = out.size();
          blocks(item, depth + 1, quoted, out);
          if (out.size() > at) {
            Block first = out.get(at);
            out.set(at, new Block(Kind.ITEM, first.depth(), marker, first.spans()));
          }
        }
      } else if (n instanceof FencedCodeBlock f) {
        out.add(new Block(Kind.PARAGRAPH, depth, "", List.of(new Span(f.getLiteral().strip(), false, false))));
      } else if (n instanceof HtmlBlock h) {
        out.add(new Block(Kind.PARAGRAPH, depth, "", List.of(new Span(h.getLiteral().strip(), false, false))));
      } else if (n instanceof IndentedCodeBlock c) {
        out.add(new Block(Kind.PARAGRAPH, depth, "", List.of(new Span(c.getLiteral().strip(), false, false))));
      } else if (n instanceof ListItem || n instanceof CustomBlock) {
        blocks(n, depth, quoted, out);
      }
      // A thematic break or a table (refused at load) sets nothing.
    }
  }

  private static List<Span> inline(Node block) {
    List<Span> out = new ArrayList<>();
    inline(block, false, false, out);
    return merge(out);
  }

  private static void inline(Node parent, boolean bold, boolean italic, List<Span> out) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Text t) {
        out.add(new Span(t.getLiteral(), bold, italic));
      } else if (n instanceof Code c) {
        out.add(new Span(c.getLiteral(), bold, italic));
      } else if (n instanceof HtmlInline h) {
        // Refused when a campaign loads; a letter built in code keeps the characters as written.
        out.add(new Span(h.getLiteral(), bold, italic));
      } else if (n instanceof Emphasis) {
        inline(n, bold, true, out);
      } else if (n instanceof StrongEmphasis) {
        inline(n, true, italic, out);
      } else if (n instanceof Link link) {
        int at = out.size();
        inline(n, bold, italic, out);
        StringBuilder shown = new StringBuilder();
        out.subList(at, out.size()).forEach(s -> shown.append(s.text()));
        String url = link.getDestination();
        String bare = url.replaceFirst("^mailto:", "");
        if (!shown.toString().equals(url) && !shown.toString().equals(bare)) {
          out.add(new Span(" (" + bare + ")", bold, italic));
        }
      } else if (n instanceof SoftLineBreak) {
        out.add(new Span(" ", bold, italic)); // dropped between two CJK characters by merge()
      } else if (n instanceof HardLineBreak) {
        out.add(new Span("\n", bold, italic));
      } else {
        inline(n, bold, italic, out);
      }
    }
  }

  /** Joins neighbours of one style; a soft break between two characters of a script without spaces vanishes. */
  private static List<Span> merge(List<Span> spans) {
    List<Span> out = new ArrayList<>();
    for (int i = 0; i < spans.size(); i++) {
      Span s = spans.get(i);
      if (s.text().equals(" ") && i > 0 && i + 1 < spans.size()) {
        String before = spans.get(i - 1).text();
        String after = spans.get(i + 1).text();
        if (!before.isEmpty() && !after.isEmpty() && noSpaceScript(before.codePointBefore(before.length()))
            && noSpaceScript(after.codePointAt(0))) {
          continue;
        }
      }
      Span last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && last.bold() == s.bold() && last.italic() == s.italic()) {
        out.set(out.size() - 1, new Span(last.text() + s.text(), s.bold(), s.italic()));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  private static boolean noSpaceScript(int cp) {
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
  }

  /**
   * The body as plain text for an email: blocks separated by blank lines, list items with their
   * markers, quotations indented, links with their address; no Markdown marks.
   */
  public static String plainText(String markdown) {
    List<String> out = new ArrayList<>();
    List<Block> blocks = blocks(markdown);
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      String indent = "    ".repeat(Math.max(0, b.depth() - (b.kind() == Kind.ITEM ? 1 : 0)));
      String text = b.marker().isEmpty() ? b.text() : b.marker() + " " + b.text();
      boolean tight = i > 0 && b.kind() == Kind.ITEM && blocks.get(i - 1).kind() == Kind.ITEM;
      out.add((tight ? "\n" : out.isEmpty() ? "" : "\n\n") + indent + text.replace("\n", "\n" + indent));
    }
    return String.join("", out);
  }
}
