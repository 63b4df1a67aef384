package org.demarche.render.pdf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.demarche.core.model.Addressee;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.Letter;
import org.demarche.core.model.PostalAddress;
import org.demarche.core.model.Signatories;
import org.demarche.core.model.Signatory;
import org.demarche.core.model.Signer;
import org.demarche.core.contract.Fixtures;

/** Sample letters for the renderer's tests: English, Japanese, mixed, long, with co-signatories. */
final class Letters {
  private Letters() {}

  static final String FOUNDING_PARAGRAPH = "On 24 September 1982 the People’s Republic of China acceded to the 1951"
      + " Convention relating to the Status of Refugees and its 1967 Protocol — a date we mark every year as"
      + " “World Save North Korean Refugees Day”. We respectfully ask that North Koreans who have fled to China"
      + " be treated as the Convention requires: not returned to a country where they face persecution, and"
      + " allowed to reach a third country of their choosing. Café owners, teachers and students in Zürich,"
      + " São Paulo and Kraków have joined our call.";

  static Letter english() {
    return Fixtures.letterTo(Fixtures.osaka());
  }

  static Letter englishWith(List<String> paragraphs, Signatories co, Disclosure cap) {
    Letter l = english();
    return new Letter(l.id(), l.campaignId(), l.sender(), l.mission(), l.addressee(), l.language(), l.date(),
        l.dateLine(), l.subject(), l.salutation(), paragraphs, l.closing(), l.signer(), co, cap,
        l.draftTranslation(), l.replyTo());
  }

  static Letter japanese() {
    Letter l = english();
    return new Letter(l.id(), l.campaignId(), l.sender(), l.mission(),
        new Addressee("習近平", "中華人民共和国 国家主席", "習近平国家主席閣下"), "ja", l.date(), "2026年9月24日",
        "世界北朝鮮難民救済の日に寄せる請願書", "習近平国家主席閣下",
        List.of("1982年9月24日、中華人民共和国は「難民の地位に関する条約」及び「議定書」に加入しました。"
                + "私たちは毎年この日を「世界北朝鮮難民救済の日」として記念しています。",
            "中国に逃れた北朝鮮の人々を条約に従って難民として扱い、迫害の待つ国へ送還せず、"
                + "希望する第三国へ安全に出国できるよう、貴国政府に心からお願い申し上げます。",
            "ひらがな、カタカナ、漢字、そして中华人民共和国の简体字（华、难民）も正しく表示されます。"),
        "敬具", new Signer("加藤 博", Optional.of("代表")), Signatories.none(), Disclosure.FULL, true,
        Optional.empty());
  }

  static Letter mixed() {
    Letter l = english();
    return new Letter("cn-cg-jp-osaka-mixed", l.campaignId(), l.sender(), l.mission(), l.addressee(), "en",
        l.date(), l.dateLine(), l.subject() + " — 世界北朝鮮難民救済の日", l.salutation(),
        List.of("We write from Tokyo (東京) to the Consulate-General in Osaka (大阪), asking for the protection of"
                + " refugees (难民, 難民) from the Democratic People’s Republic of Korea. 我们呼吁停止强制遣返。"
                + " Our supporters signed in Japanese: 「強制送還をやめてください」.",
            FOUNDING_PARAGRAPH),
        l.closing(), l.signer(), Signatories.none(), Disclosure.FULL, false, Optional.empty());
  }

  /** A letter long enough for several pages. */
  static Letter longLetter(int paragraphs) {
    List<String> ps = new ArrayList<>();
    for (int i = 0; i < paragraphs; i++) {
      ps.add("Paragraph " + (i + 1) + ". " + FOUNDING_PARAGRAPH);
    }
    return englishWith(ps, Signatories.none(), Disclosure.FULL);
  }

  /** {@code n} synthetic signatories, generated on each stream so that none are held in memory. */
  static Signatories generated(long n) {
    return new Signatories() {
      @Override
      public Stream<Signatory> stream() {
        return java.util.stream.LongStream.rangeClosed(1, n).mapToObj(Letters::signatory);
      }

      @Override
      public long count() {
        return n;
      }
    };
  }

  /** Every seventh is an organization; every fifth person asks for initials; every eleventh to be counted only. */
  static Signatory signatory(long i) {
    if (i % 7 == 0) {
      return new Signatory(Signatory.Kind.ORGANIZATION, "Refugee Aid Group " + i, Optional.empty(),
          Optional.of("Osaka"), Optional.of("JP"), Optional.of("org" + i + "@example.org"), Optional.empty(),
          Disclosure.FULL, Map.of());
    }
    Disclosure d = i % 11 == 0 ? Disclosure.COUNTED_ONLY : i % 5 == 0 ? Disclosure.INITIALS : Disclosure.FULL;
    return new Signatory(Signatory.Kind.PERSON, "Supporter " + i + " Sato", Optional.empty(),
        Optional.of("Yokohama"), Optional.of("JP"), Optional.of("person" + i + "@example.org"), Optional.empty(), d,
        Map.of());
  }

  static DiplomaticMission tokyoWithLocalAddress() {
    DiplomaticMission m = Fixtures.osaka();
    return new DiplomaticMission("cn-embassy-jp-tokyo", org.demarche.core.model.MissionKind.EMBASSY,
        "Embassy of the People's Republic of China in Japan", Optional.of("中華人民共和国駐日本国大使館"), "CN", "JP",
        "Tokyo", new PostalAddress(List.of("3-4-33 Moto-Azabu, Minato-ku"), "Tokyo", Optional.of("JP-13"),
            Optional.of("106-0046"), "JP", List.of("〒106-0046", "東京都港区元麻布3-4-33")),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), java.util.Set.of(), java.util.Set.of(),
        m.coordinate(), m.source());
  }

  static List<Integer> range(int n) {
    return IntStream.range(0, n).boxed().toList();
  }

  static LocalDate date() {
    return LocalDate.of(2026, 9, 24);
  }
}
