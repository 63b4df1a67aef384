package org.demarche.render.pdf.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The fonts of a renderer: the sources, read once, and two fallback chains (regular and bold) as
 * indexes into them. Each thread gets its own parsed {@link Faces}.
 */
public final class FontSet {
  private final List<FontSource> sources;
  private final int[] regular;
  private final int[] bold;
  private final ThreadLocal<Faces> perThread;

  public FontSet(List<FontSource> sources, int[] regular, int[] bold) {
    this.sources = List.copyOf(sources);
    this.regular = regular.clone();
    this.bold = bold.clone();
    this.perThread = ThreadLocal.withInitial(() -> new Faces(this));
  }

  /**
   * The default fonts after the user's: each user font first (in the order given), then Liberation
   * Serif (regular or bold), then the bundled CJK subset of Noto Sans SC.
   */
  public static FontSet withDefaults(List<FontSource> userFonts) {
    List<FontSource> all = new ArrayList<>(userFonts);
    int serif = all.size();
    all.add(FontSource.resource("Liberation Serif", "/liberation/LiberationSerif-Regular.ttf"));
    int serifBold = all.size();
    all.add(FontSource.resource("Liberation Serif Bold", "/liberation/LiberationSerif-Bold.ttf"));
    int cjk = all.size();
    all.add(FontSource.resource("Noto Sans SC (GB 2312 + JIS X 0208 subset)",
        "/org/demarche/render/pdf/fonts/NotoSansSC-Regular-subset.ttf"));
    int[] regular = new int[userFonts.size() + 2];
    int[] bold = new int[userFonts.size() + 2];
    for (int i = 0; i < userFonts.size(); i++) {
      regular[i] = i;
      bold[i] = i;
    }
    regular[userFonts.size()] = serif;
    regular[userFonts.size() + 1] = cjk;
    bold[userFonts.size()] = serifBold;
    bold[userFonts.size() + 1] = cjk;
    return new FontSet(all, regular, bold);
  }

  /** This thread's parsed fonts. */
  public Faces faces() {
    return perThread.get();
  }

  List<FontSource> sources() {
    return sources;
  }

  int[] chain(boolean boldStyle) {
    return boldStyle ? bold : regular;
  }

  /** The names of the fonts in the regular chain, for messages. */
  public String describeChain() {
    List<String> names = new ArrayList<>();
    for (int i : regular) {
      names.add(sources.get(i).name());
    }
    return String.join(", ", names);
  }

  /** The fonts parsed for one thread. */
  public static final class Faces {
    private final FontSet set;
    private final Face[] faces;

    Faces(FontSet set) {
      this.set = Objects.requireNonNull(set);
      this.faces = new Face[set.sources.size()];
    }

    /** The face at an index, parsed on first use. */
    public Face face(int index) {
      Face f = faces[index];
      if (f == null) {
        f = new Face(set.sources.get(index), index);
        faces[index] = f;
      }
      return f;
    }

    /** The first face of the style's chain that draws the code point, or null if none does. */
    public Face forCodePoint(int codePoint, boolean bold) {
      for (int i : set.chain(bold)) {
        Face f = face(i);
        if (f.has(codePoint)) {
          return f;
        }
      }
      return null;
    }

    public FontSet set() {
      return set;
    }
  }
}
