package org.demarche.render.pdf.internal;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.demarche.core.model.Disclosure;

/** The few words the renderer adds to a letter, in the letter's language (English otherwise). */
public final class Labels {
  private final String lang;

  public Labels(String languageTag) {
    this.lang = Locale.forLanguageTag(languageTag).getLanguage();
  }

  /** "Page 2 of 3", as the language's conventions write it. */
  public String page(int page, int of) {
    return org.demarche.core.model.LetterConventions.of(lang).page(page, of);
  }

  /** The appendix heading. */
  public String coSignedBy(long count) {
    String n = number(count);
    switch (lang) {
      case "ja":
        return n + " の団体・個人が連署しています";
      case "zh":
        return "共有 " + n + " 个团体和个人联署";
      default:
        return "Co-signed by " + n + " organizations and individuals";
    }
  }

  /** The note under the heading when some signatories are counted but not named. */
  public String countedOnly(long count) {
    String n = number(count);
    switch (lang) {
      case "ja":
        return "うち " + n + " 名は氏名を公表しないことを希望しています。";
      case "zh":
        return "其中 " + n + " 位要求不公开姓名。";
      default:
        return n + (count == 1 ? " of them asked" : " of them asked") + " to be counted without being named.";
    }
  }

  /** The commitment line: "12,345 co-signatories; list commitment SHA-256 3f2a…". */
  public String commitment(long count, String hex) {
    String n = number(count);
    switch (lang) {
      case "ja":
        return "連署者 " + n + " 名・団体。名簿のコミットメント SHA-256 " + hex;
      case "zh":
        return "联署者 " + n + " 个；名单承诺值 SHA-256 " + hex;
      default:
        return n + " co-signatories; list commitment SHA-256 " + hex;
    }
  }

  /** Counts by disclosure level, most revealing first. */
  public String levels(Map<Disclosure, Long> byLevel) {
    String[] names;
    switch (lang) {
      case "ja":
        names = new String[] {"氏名・所属・都市を公表", "氏名のみ", "イニシャルのみ", "人数のみ"};
        break;
      case "zh":
        names = new String[] {"公开姓名、单位和城市", "仅姓名", "仅首字母", "仅计数"};
        break;
      default:
        names = new String[] {"named in full", "name only", "initials only", "counted only"};
    }
    List<String> parts = new ArrayList<>();
    for (Disclosure d : Disclosure.values()) {
      parts.add(names[d.ordinal()] + " " + number(byLevel.getOrDefault(d, 0L)));
    }
    String sep = lang.equals("ja") || lang.equals("zh") ? "、" : "; ";
    return prefix("By disclosure: ", "公表の範囲：", "公开范围：") + String.join(sep, parts);
  }

  /** Counts by country; smaller countries grouped so that a small count points at nobody. */
  public String countries(Map<String, Long> shown, long grouped, long withoutCountry) {
    List<String> parts = new ArrayList<>();
    shown.forEach((c, n) -> parts.add(c + " " + number(n)));
    if (grouped > 0) {
      parts.add(prefix("other countries ", "その他の国 ", "其他国家 ") + number(grouped));
    }
    if (withoutCountry > 0) {
      parts.add(prefix("no country given ", "国の記載なし ", "未注明国家 ") + number(withoutCountry));
    }
    String sep = lang.equals("ja") || lang.equals("zh") ? "、" : "; ";
    return prefix("By country: ", "国別：", "按国家：") + String.join(sep, parts);
  }

  private String prefix(String en, String ja, String zh) {
    return lang.equals("ja") ? ja : lang.equals("zh") ? zh : en;
  }

  /** The banner on a translation awaiting review, in its language. */
  public String draftTranslation() {
    return org.demarche.core.model.LetterConventions.of(lang).get("draftBanner");
  }

  public static String number(long n) {
    return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(n);
  }
}
