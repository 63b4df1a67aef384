package org.demarche.examples.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Makes text safe to print on a terminal or into a log: control characters that a campaign value or a
 * server's reply may carry (C0 controls but line feed and tab, ESC, DEL, C1 controls, the bidirectional
 * overrides, embeddings and isolates, and the Unicode line and paragraph separators) are written as
 * {@code \u001B}-style text, so that they can neither retitle, clear or rewrite the operator's terminal nor
 * make a line read in a different order than it was written.
 */
final class Printable {
  /** The process's standard error as it was before {@link #guardStandardStreams}: for the progress bar only. */
  private static volatile java.io.PrintStream terminal = System.err;

  private Printable() {}

  /**
   * Makes what libraries print on the process's standard streams (SLF4J's simple logger writes there) printable
   * too; the progress bar, which redraws its line with a carriage return, keeps the raw terminal.
   */
  static synchronized void guardStandardStreams() {
    if (System.err instanceof EscapingStream) {
      return;
    }
    terminal = System.err;
    System.setErr(new EscapingStream(System.err));
    System.setOut(new EscapingStream(System.out));
  }

  /** The terminal's error stream, unescaped: for output the runner draws itself from safe text. */
  static java.io.PrintStream terminal() {
    return terminal;
  }

  /** {@code text} with every unprintable character written as {@code \\uXXXX}. */
  static String escape(String text) {
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (unsafe(c)) {
        if (sb == null) {
          sb = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        sb.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? text : sb.toString();
  }

  /** Whether {@code c} may change how a terminal shows what follows, rather than show itself. */
  static boolean unsafe(char c) {
    if (c == '\n' || c == '\t') {
      return false;
    }
    return c < 0x20 || (c >= 0x7F && c <= 0x9F)
        || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200E' || c == '\u200F' || c == '\u061C' || c == '\u2028' || c == '\u2029';
  }

  /** A writer that escapes, on its way to {@code out}, everything printed through it. */
  static PrintWriter writer(PrintWriter out) {
    if (out instanceof Escaping) {
      return out;
    }
    return new Escaping(out);
  }

  /** The escaping print writer (auto-flushing on println, like the runner's own writers). */
  private static final class Escaping extends PrintWriter {
    Escaping(PrintWriter target) {
      super(new FilterWriter(target) {
        @Override
        public void write(int c) throws IOException {
          out.write(unsafe((char) c) ? escape(String.valueOf((char) c)) : String.valueOf((char) c));
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
          out.write(escape(new String(buf, off, len)));
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
          out.write(escape(str.substring(off, off + len)));
        }
      }, true);
    }
  }

  /** A print stream that escapes, line by line, the UTF-8 text written through it. */
  private static final class EscapingStream extends java.io.PrintStream {
    EscapingStream(java.io.PrintStream target) {
      super(new java.io.OutputStream() {
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
          line.write(b);
          if (b == '\n') {
            flush();
          }
        }

        @Override
        public synchronized void flush() {
          if (line.size() > 0) {
            target.print(escape(line.toString(java.nio.charset.StandardCharsets.UTF_8)));
            line.reset();
          }
          target.flush();
        }
      }, true, java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
