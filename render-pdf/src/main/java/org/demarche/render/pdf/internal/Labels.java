package org.demarche.render.pdf.internal;

import java.text.NumberFormat;
import java.util.Locale;

/** The few words the renderer adds to a letter, in the letter's language (English otherwise). */
public final class Labels {
  private final String lang;

  public Labels(String languageTag) {
    this.lang = Locale.forLanguageTag(languageTag).getLanguage();
  }

  /** "Page 2 of 3". */
  public String page(int page, int of) {
    switch (lang) {
      case "ja":
        return page + " / " + of + " ページ";
      case "zh":
        return "第 " + page + " 页，共 " + of + " 页";
      default:
        return "Page " + page + " of " + of;
    }
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

  /** The note on a machine translation awaiting review. Always English too: the reviewers read it. */
  public String draftTranslation() {
    return "Draft translation for review";
  }

  public static String number(long n) {
    return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(n);
  }
}
