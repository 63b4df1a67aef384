package org.demarche.render.pdf.internal;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fonts of a renderer: the sources, read once, and fallback chains as indexes into them, one per
 * style variant and language (a Japanese letter reaches the Japanese CJK face before the Chinese
 * one, so that kanji take their Japanese forms). Each thread gets its own parsed {@link Faces}.
 */
public final class FontSet {
  /** A style variant of the text. */
  public enum Variant { REGULAR, BOLD, ITALIC }

  private static final String DIR = "/org/demarche/render/pdf/fonts/";

  private final List<FontSource> sources;
  private final int[] user;
  private final int[] serif;
  private final int[] arabic;
  private final int sc;
  private final int jp;
  private final int kr;
  private final Map<String, int[]> chains = new ConcurrentHashMap<>();
  private final ThreadLocal<Faces> perThread;

  private FontSet(List<FontSource> sources, int[] user, int[] serif, int[] arabic, int sc, int jp, int kr) {
    this.sources = List.copyOf(sources);
    this.user = user;
    this.serif = serif;
    this.arabic = arabic;
    this.sc = sc;
    this.jp = jp;
    this.kr = kr;
    this.perThread = ThreadLocal.withInitial(() -> new Faces(this));
  }

  /**
   * The default fonts after the user's: each user font first (in the order given), then Liberation
   * Serif (regular, bold or italic), Noto Naskh Arabic, and the bundled CJK subsets of Noto Sans SC,
   * JP and KR in the order the letter's language prefers.
   */
  public static FontSet withDefaults(List<FontSource> userFonts) {
    List<FontSource> all = new ArrayList<>(userFonts);
    int[] user = new int[userFonts.size()];
    for (int i = 0; i < user.length; i++) {
      user[i] = i;
    }
    int[] serif = {
        add(all, FontSource.resource("Liberation Serif", "/liberation/LiberationSerif-Regular.ttf")),
        add(all, FontSource.resource("Liberation Serif Bold", "/liberation/LiberationSerif-Bold.ttf")),
        add(all, FontSource.resource("Liberation Serif Italic", "/liberation/LiberationSerif-Italic.ttf"))};
    int arabicRegular = add(all, FontSource.resource("Noto Naskh Arabic", DIR + "NotoNaskhArabic-Regular.ttf"));
    int[] arabic = {arabicRegular,
        add(all, FontSource.resource("Noto Naskh Arabic Bold", DIR + "NotoNaskhArabic-Bold.ttf")), arabicRegular};
    int sc = add(all, FontSource.resource("Noto Sans SC (GB 2312 + JIS X 0208 subset)",
        DIR + "NotoSansSC-Regular-subset.ttf"));
    int jp = add(all, FontSource.resource("Noto Sans JP (JIS X 0208 subset)", DIR + "NotoSansJP-Regular-subset.ttf"));
    int kr = add(all, FontSource.resource("Noto Sans KR (Hangul subset)", DIR + "NotoSansKR-Regular-subset.ttf"));
    return new FontSet(all, user, serif, arabic, sc, jp, kr);
  }

  private static int add(List<FontSource> all, FontSource s) {
    all.add(s);
    return all.size() - 1;
  }

  /** This thread's parsed fonts. */
  public Faces faces() {
    return perThread.get();
  }

  List<FontSource> sources() {
    return sources;
  }

  /** Whether the font at {@code index} is one of the bundled CJK faces (which have no bold). */
  boolean cjk(int index) {
    return index == sc || index == jp || index == kr;
  }

  int[] chain(Variant variant, String language) {
    String lang = Locale.forLanguageTag(language).getLanguage();
    return chains.computeIfAbsent(variant + "/" + lang, k -> build(variant, lang));
  }

  private int[] build(Variant variant, String lang) {
    List<Integer> out = new ArrayList<>();
    for (int i : user) {
      out.add(i);
    }
    out.add(serif[variant.ordinal()]);
    if (variant != Variant.REGULAR) {
      out.add(serif[0]);
    }
    out.add(arabic[variant.ordinal()]);
    int[] cjk = switch (lang) {
      case "ja" -> new int[] {jp, sc, kr};
      case "ko" -> new int[] {kr, jp, sc};
      default -> new int[] {sc, jp, kr};
    };
    for (int i : cjk) {
      out.add(i);
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The names of the fonts in the regular chain, for messages. */
  public String describeChain() {
    List<String> names = new ArrayList<>();
    for (int i : chain(Variant.REGULAR, "en")) {
      names.add(sources.get(i).name());
    }
    return String.join(", ", names);
  }

  /**
   * The fonts parsed for one thread. It holds its set weakly: a thread's map holds this value strongly, and a value
   * that reached its own ThreadLocal (through the set) would keep every renderer's fonts on every thread that ever
   * drew with it, for the thread's life (a long-lived server or test JVM ran out of heap so).
   */
  public static final class Faces {
    private final WeakReference<FontSet> set;
    private final List<FontSource> sources;
    private final boolean[] cjk;
    private final Face[] faces;

    Faces(FontSet set) {
      this.set = new WeakReference<>(Objects.requireNonNull(set));
      this.sources = set.sources;
      this.cjk = new boolean[sources.size()];
      for (int i = 0; i < cjk.length; i++) {
        cjk[i] = set.cjk(i);
      }
      this.faces = new Face[sources.size()];
    }

    /** The face at an index, parsed on first use. */
    public Face face(int index) {
      Face f = faces[index];
      if (f == null) {
        f = new Face(sources.get(index), index, cjk[index]);
        faces[index] = f;
      }
      return f;
    }

    /** The first face of the chain that draws the code point, or null if none does. */
    public Face forCodePoint(int codePoint, Variant variant, String language) {
      return forCodePoint(codePoint, set().chain(variant, language));
    }

    /** The first face of a chain ({@link FontSet#chain}) that draws the code point, or null if none does. */
    Face forCodePoint(int codePoint, int[] chain) {
      for (int i : chain) {
        Face f = face(i);
        if (f.has(codePoint)) {
          return f;
        }
      }
      return null;
    }

    /** The set these faces were parsed for; only those who hold the set (its renderer) use its faces. */
    public FontSet set() {
      FontSet s = set.get();
      if (s == null) {
        throw new IllegalStateException("these fonts' renderer is gone: use faces() of a live FontSet");
      }
      return s;
    }
  }
}
