package org.demarche.core.signatories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Problem;
import org.demarche.core.model.Signatory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignatoryImportTest {
  private static final String HEADER = "name,kind,organization,city,country,email,signedAt,disclosure,note\n";

  @TempDir
  Path dir;

  private Path csv(String text) throws Exception {
    Path f = dir.resolve("signatories.csv");
    Files.write(f, text.getBytes(StandardCharsets.UTF_8));
    return f;
  }

  private static List<Signatory> all(CommittedSignatories s) {
    try (Stream<Signatory> st = s.stream()) {
      return st.toList();
    }
  }

  @Test
  void importsQuotedNewlinesBomAndJapaneseNamesExactly() throws Exception {
    Path f = csv("\uFEFF" + HEADER
        + "山田 花子,person,,大阪市,JP,hanako@example.jp,2026-09-01,full,\"first line\nsecond line\"\n"
        + "\"Life Funds for North Korean Refugees, Tokyo\",organization,,東京,JP,,2026-09-02T10:15:30Z,,\n"
        + "\"Kim \"\"Min\"\" Ji\",person,\"Refugee Aid, Seoul\",Seoul,kr,,,initials,\n");

    SignatoryImport.Imported in = SignatoryImport.read(f, ImportOptions.defaults());

    assertThat(all(in.signatories())).containsExactly(
        new Signatory(Signatory.Kind.PERSON, "山田 花子", Optional.empty(), Optional.of("大阪市"), Optional.of("JP"),
            Optional.of("hanako@example.jp"), Optional.of(Instant.parse("2026-09-01T00:00:00Z")), Disclosure.FULL,
            Map.of("note", "first line\nsecond line")),
        new Signatory(Signatory.Kind.ORGANIZATION, "Life Funds for North Korean Refugees, Tokyo", Optional.empty(),
            Optional.of("東京"), Optional.of("JP"), Optional.empty(), Optional.of(Instant.parse("2026-09-02T10:15:30Z")),
            Disclosure.FULL, Map.of()),
        new Signatory(Signatory.Kind.PERSON, "Kim \"Min\" Ji", Optional.of("Refugee Aid, Seoul"), Optional.of("Seoul"),
            Optional.of("KR"), Optional.empty(), Optional.empty(), Disclosure.INITIALS, Map.of()));
    assertThat(in.report().rows()).isEqualTo(3);
    assertThat(in.report().imported()).isEqualTo(3);
    assertThat(in.report().problems()).isEmpty();
  }

  @Test
  void defaultsIndividualsToCountedOnlyAndOrganizationsToFullUnderTheCap() throws Exception {
    Path f = csv(HEADER + "Hanako,person,,Osaka,JP,,,,\nLFNKR,organization,,Tokyo,JP,,,,\nKenji,,,Kobe,JP,,,full,\n");

    List<Signatory> s = all(SignatoryImport.read(f, ImportOptions.defaults().withDisclosureCap(Disclosure.NAME_ONLY))
        .signatories());

    assertThat(s).extracting(Signatory::disclosure)
        .containsExactly(Disclosure.COUNTED_ONLY, Disclosure.NAME_ONLY, Disclosure.NAME_ONLY);
  }

  static final String SEVEN_BAD = HEADER
      + "Good One,person,,Osaka,JP,good@example.org,2026-09-01,full,\n"   // line 2
      + ",person,,Osaka,JP,,,,\n"                                         // 3: no name
      + "Robo,robot,,Osaka,JP,,,,\n"                                      // 4: kind
      + "Hanako,person,,Osaka,Japan,,,,\n"                                // 5: country
      + "Kenji,person,,Kobe,JP,kenji-at-example.org,,,\n"                 // 6: email
      + "Aiko,person,,Nara,JP,,yesterday,,\n"                             // 7: signedAt
      + "Jun,person,,Kyoto,JP,,,everything,\n"                            // 8: disclosure
      + "Mei,person,,\"Osaka\u0007\",JP,,,,\n"                            // 9: control character
      + "Sora,person,,Sendai,JP,,,,,one,too,many\n"                       // 10: too many cells
      + "Good Two,person,,Osaka,JP,,,,\n";                                // 11

  @Test
  void reportsEverySortOfBadRowAtOnceWithLineAndColumn() throws Exception {
    Path f = csv(SEVEN_BAD);

    assertThatThrownBy(() -> SignatoryImport.read(f, "signatories.csv", ImportOptions.defaults()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
            .extracting(p -> p.location().toString() + " " + p.field())
            .containsExactly(
                "signatories.csv:3:1 name",
                "signatories.csv:4:2 kind",
                "signatories.csv:5:5 country",
                "signatories.csv:6:6 email",
                "signatories.csv:7:7 signedAt",
                "signatories.csv:8:8 disclosure",
                "signatories.csv:9:4 city",
                "signatories.csv:10:10 "));
  }

  @Test
  void skipsBadRowsWhenAskedAndSaysHowMany() throws Exception {
    Path f = csv(SEVEN_BAD);

    SignatoryImport.Imported in = SignatoryImport.read(f, "signatories.csv", ImportOptions.defaults().withSkipBadRows(true));

    assertThat(all(in.signatories())).extracting(Signatory::name).containsExactly("Good One", "Good Two");
    assertThat(in.report().skipped()).isEqualTo(8);
    assertThat(in.report().problems()).hasSize(8);
    assertThat(in.signatories().count()).isEqualTo(2);
    assertThat(in.report().summary()).isEqualTo("2 signatories imported from signatories.csv; 8 bad rows skipped");
  }

  @Test
  void reportsDuplicateEmailsIgnoringCaseAndSurroundingSpaceOnly() throws Exception {
    Path f = csv(HEADER
        + "Hanako Yamada,person,,Osaka,JP,Hanako@Example.org,,,\n"     // 2
        + "H. Yamada,person,,Kobe,JP,\" hanako@example.ORG \",,,\n"      // 3: same email
        + "Hanako Y,person,,Osaka,JP,hanako+petition@example.org,,,\n"   // 4: plus-tag: not assumed the same
        + "Hana Ko,person,,Osaka,JP,hana.ko@example.org,,,\n"            // 5
        + "Hana Ko,person,,Osaka,JP,hanako2@example.org,,,\n");          // 6: same name and city, but emails differ

    ImportReport r = SignatoryImport.read(f, "s.csv", ImportOptions.defaults()).report();

    assertThat(r.duplicates()).containsExactly(new Duplicate(new org.demarche.core.model.Location("s.csv", 3, 6),
        new org.demarche.core.model.Location("s.csv", 2, 6), Duplicate.Rule.EMAIL));
    assertThat(r.duplicateCount()).isEqualTo(1);
    assertThat(r.imported()).isEqualTo(5);
  }

  @Test
  void reportsDuplicateNamesInTheSameCityWhenThereIsNoEmail() throws Exception {
    Path f = csv(HEADER
        + "山田 花子,person,,大阪,JP,,,,\n"          // 2
        + "山田\u3000花子,person,,大阪,JP,,,,\n"     // 3: ideographic space: the same after NFKC
        + "Kim  Min-ji,person,,Seoul,KR,,,,\n"      // 4
        + "kim min-ji,person,,SEOUL,KR,,,,\n"       // 5: case and inner spaces
        + "Kim Min-ji,person,,Busan,KR,,,,\n");     // 6: another city

    ImportReport r = SignatoryImport.read(f, "s.csv", ImportOptions.defaults()).report();

    assertThat(r.duplicates()).extracting(d -> d.at().line() + "=" + d.first().line() + " " + d.rule())
        .containsExactly("3=2 NAME_AND_CITY", "5=4 NAME_AND_CITY");
    assertThat(r.summary()).endsWith("2 possible duplicates reported (not merged)");
  }

  @Test
  void countsByCountryAndDisclosureLevel() throws Exception {
    Path f = csv(HEADER + "A,person,,Osaka,JP,,,full,\nB,person,,Seoul,KR,,,initials,\nC,person,,,,,,,\n"
        + "D,organization,,Tokyo,JP,,,,\n");

    SignatoryTally t = SignatoryImport.read(f, ImportOptions.defaults()).report().tally();

    assertThat(t.total()).isEqualTo(4);
    assertThat(t.byCountry()).containsExactly(Map.entry("JP", 2L), Map.entry("KR", 1L));
    assertThat(t.withoutCountry()).isEqualTo(1);
    assertThat(t.byDisclosure()).containsEntry(Disclosure.FULL, 2L).containsEntry(Disclosure.INITIALS, 1L)
        .containsEntry(Disclosure.COUNTED_ONLY, 1L).containsEntry(Disclosure.NAME_ONLY, 0L);
    assertThat(t.cappedAt(Disclosure.INITIALS).byDisclosure()).containsEntry(Disclosure.INITIALS, 3L)
        .containsEntry(Disclosure.FULL, 0L);
  }

  @Test
  void importsAJsonListAndLocatesItsBadEntries() throws Exception {
    Path f = dir.resolve("signatories.json");
    Files.writeString(f, "[\n {\"name\": \"Hanako\", \"country\": \"JP\", \"disclosure\": \"name-only\"},\n"
        + " {\"name\": \"Kenji\", \"email\": \"not-an-email\"},\n {\"name\": \"LFNKR\", \"kind\": \"organization\"}\n]\n");

    assertThatThrownBy(() -> SignatoryImport.read(f, "signatories.json", ImportOptions.defaults()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
            .extracting(Problem::toString).singleElement().asString().startsWith("signatories.json:3:"));
    SignatoryImport.Imported in = SignatoryImport.read(f, "signatories.json", ImportOptions.defaults().withSkipBadRows(true));
    assertThat(all(in.signatories())).extracting(Signatory::name).containsExactly("Hanako", "LFNKR");
    assertThat(in.report().skipped()).isEqualTo(1);
  }

  @Test
  void refusesAFileWithoutANameColumnEvenWhenSkippingBadRows() throws Exception {
    Path f = csv("nom,ville\nHanako,Osaka\n");

    assertThatThrownBy(() -> SignatoryImport.read(f, "s.csv", ImportOptions.defaults().withSkipBadRows(true)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).toString())
            .startsWith("s.csv:1:1: name: the header row has no 'name' column"));
  }
}
