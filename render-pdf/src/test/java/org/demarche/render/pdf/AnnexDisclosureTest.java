package org.demarche.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.Letter;
import org.demarche.core.signatories.CommittedSignatories;
import org.demarche.core.signatories.ImportOptions;
import org.demarche.core.signatories.InclusionReceipt;
import org.demarche.core.signatories.ListCommitment;
import org.demarche.core.signatories.SaltKey;
import org.demarche.core.signatories.SignatoryImport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the co-signatory annex shows at each disclosure level, read back from the PDF with PDFBox. */
class AnnexDisclosureTest {
  private static final PdfRenderer RENDERER = PdfRenderer.defaults();
  private static final Pattern COMMITMENT = Pattern.compile("list commitment SHA-256 ([0-9a-f]{64})");

  @TempDir
  Path dir;

  private static final String[][] PEOPLE = {
      {"Hanako Yamagishi", "Sakura Aid Circle", "Kushiro", "hanako.y@example.org", "H. Y."},
      {"Joon-ho Pyeon", "Seoul Bridge Fund", "Gwangju", "joonho@example.kr", "J. H. P."},
      {"Marguerite Okonkwo", "Lantern Society", "Rouen", "m.okonkwo@example.fr", "M. O."}};

  private CommittedSignatories list(Disclosure level) throws Exception {
    StringBuilder csv = new StringBuilder("name,organization,city,country,email,disclosure\n");
    for (String[] p : PEOPLE) {
      csv.append(String.join(",", p[0], p[1], p[2], "JP", p[3], level.name())).append('\n');
    }
    Path f = dir.resolve("signatories.csv");
    Files.writeString(f, csv);
    return SignatoryImport.read(f, ImportOptions.defaults()).signatories();
  }

  private static String annex(Letter letter) {
    List<String> pages = PdfText.pages(RENDERER.render(letter).content());
    return String.join("\n", pages.subList(1, pages.size()));
  }

  @ParameterizedTest
  @EnumSource(Disclosure.class)
  void theAnnexShowsExactlyWhatEachLevelAllowsAndNoWithheldNameOrEmail(Disclosure level) throws Exception {
    String text = annex(Letters.englishWith(Letters.english().paragraphs(), list(level), Disclosure.FULL));

    List<String> allowed = new ArrayList<>();
    List<String> withheld = new ArrayList<>();
    for (String[] p : PEOPLE) {
      String full = p[0] + ", " + p[1] + ", " + p[2];
      switch (level) {
        case FULL -> allowed.add(full);
        case NAME_ONLY -> {
          allowed.add(p[0]);
          withheld.addAll(List.of(p[1], p[2]));
        }
        case INITIALS -> {
          allowed.add(p[4]);
          withheld.addAll(List.of(p[0].split("[ -]")));
          withheld.addAll(List.of(p[1], p[2]));
        }
        default -> {
          withheld.addAll(List.of(p[0].split("[ -]")));
          withheld.addAll(List.of(p[1], p[2], p[4]));
        }
      }
      withheld.add(p[3]);
      withheld.add(p[3].substring(0, p[3].indexOf('@')));
    }
    // Entries come after the header (which ends with the counted-only note, or the by-country line).
    List<String> lines = List.of(text.strip().split("\\R"));
    List<String> entries = lines.stream().filter(l -> !l.startsWith("Co-signed by") && !l.startsWith("By ")
        && !l.contains("co-signatories; list commitment") && !l.contains("asked to be counted")
        && !l.startsWith("Page ")).toList();
    assertThat(String.join(" ", entries)).isEqualTo(String.join(" ", allowed));
    for (String w : withheld) {
      assertThat(Pattern.compile("(?<![\\p{L}])" + Pattern.quote(w) + "(?![\\p{L}])").matcher(text).find())
          .as("withheld '%s' at level %s in %s", w, level, text).isFalse();
    }
    assertThat(text).doesNotContain("@");
    assertThat(PdfText.normalize(text)).contains("By disclosure: named in full " + (level == Disclosure.FULL ? 3 : 0));
  }

  @Test
  void theCampaignCapLowersEveryLevel() throws Exception {
    String text = annex(Letters.englishWith(Letters.english().paragraphs(), list(Disclosure.FULL), Disclosure.INITIALS));

    assertThat(text).contains("H. Y.", "J. H. P.", "M. O.").doesNotContain("Hanako", "Sakura", "Kushiro", "Pyeon");
    assertThat(PdfText.normalize(text)).contains("By disclosure: named in full 0; name only 0; initials only 3;"
        + " counted only 0");
  }

  @Test
  void showsCountsByCountryGroupingCountriesWithFewerThanFive() throws Exception {
    StringBuilder csv = new StringBuilder("name,country,disclosure\n");
    for (int i = 0; i < 7; i++) {
      csv.append("Person ").append(i).append(",JP,counted-only\n");
    }
    csv.append("Lone Voice,KP,counted-only\nAnother,,counted-only\n");
    Path f = dir.resolve("signatories.csv");
    Files.writeString(f, csv);
    CommittedSignatories s = SignatoryImport.read(f, ImportOptions.defaults()).signatories();

    String text = PdfText.normalize(annex(Letters.englishWith(Letters.english().paragraphs(), s, Disclosure.FULL)));

    assertThat(text).contains("Co-signed by 9 organizations and individuals",
        "By country: JP 7; other countries 1; no country given 1", "counted only 9");
    assertThat(text).doesNotContain("KP", "Lone", "Person 1");
  }

  @Test
  void aReceiptVerifiesAgainstTheCommitmentPrintedOnTheAnnexAndATamperedListDoesNot() throws Exception {
    CommittedSignatories s = list(Disclosure.INITIALS);
    String text = PdfText.normalize(annex(Letters.englishWith(Letters.english().paragraphs(), s, Disclosure.FULL)));
    Matcher m = COMMITMENT.matcher(text);
    assertThat(m.find()).as(text).isTrue();
    String printed = m.group(1);
    assertThat(text).contains("3 co-signatories; list commitment SHA-256");

    List<InclusionReceipt> receipts = new ArrayList<>();
    ListCommitment issued = ListCommitment.issueReceipts(s, SaltKey.read(SaltKey.fileBeside(dir.resolve("signatories.csv"))),
        receipts::add);

    assertThat(issued.hex()).isEqualTo(printed);
    assertThat(receipts).allSatisfy(r -> assertThat(r.verify(printed).valid()).isTrue());
    Files.writeString(dir.resolve("signatories.csv"), Files.readString(dir.resolve("signatories.csv"))
        .replace("Kushiro", "Nemuro"));
    String tampered = SignatoryImport.read(dir.resolve("signatories.csv"), ImportOptions.defaults()).signatories()
        .commitment().hex();
    assertThat(tampered).isNotEqualTo(printed);
    assertThat(receipts).allSatisfy(r -> assertThat(r.verify(tampered).valid()).isFalse());
  }
}
