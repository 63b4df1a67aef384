package org.demarche.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.demarche.core.model.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupporterFileTest {
  @TempDir
  Path dir;

  @Test
  void readsTheSignatoryColumnsPlusPlaceAndParagraph() {
    Path file = VoiceTesting.csv(dir, "s.csv", """
        name,kind,organization,city,country,email,signedAt,disclosure,region,latitude,longitude,paragraph
        Aiko Tanaka,person,,Akita,,aiko@example.org,2026-09-01,full,,39.72,140.10,"Two lines,
        one paragraph"
        Minho Kim,person,,Busan,KR,,,,,,,
        """);
    List<Supporter> s = SupporterFile.read(file, "s.csv");
    assertThat(s).hasSize(2);
    assertThat(s.get(0).coordinate()).hasValueSatisfying(c -> assertThat(c.latitude()).isEqualTo(39.72));
    assertThat(s.get(0).country()).isEmpty();
    assertThat(s.get(0).paragraph()).contains("Two lines, one paragraph");
    assertThat(s.get(1).origin().line()).isEqualTo(4);
    assertThat(s.get(1).country()).contains("KR");
  }

  @Test
  void reportsEveryBadFieldWithItsLineAndColumn() {
    Path file = VoiceTesting.csv(dir, "s.csv", """
        name,email,country,region,latitude,longitude
        Aiko,not-an-address,JP,,,
        ,ken@example.org,XX,,,
        Mia,,,,north,140
        Leo,,,,,
        """);
    assertThatThrownBy(() -> SupporterFile.read(file, "s.csv")).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.problems()).extracting(Object::toString).containsExactly(
            "s.csv:2:2: email: must be an email address such as name@example.org, not 'not-an-address'",
            "s.csv:3:1: name: is missing: every supporter needs a name",
            "s.csv:3:3: country: must be an ISO 3166-1 alpha-2 code such as JP, not 'XX'",
            "s.csv:4:5: latitude: must be a number of degrees between -90 and 90, such as 39.72, not 'north'",
            "s.csv:5:3: country: is missing: say where the supporter lives with country (and region), or latitude and longitude"));
  }

  @Test
  void refusesAnUnknownKindDisclosureOrSignedAtAsTheSignatoryListDoes() {
    Path file = VoiceTesting.csv(dir, "s.csv", """
        name,kind,country,disclosure,signedAt
        Aiko,persn,JP,,
        Ken,person,JP,everything,yesterday
        """);
    assertThatThrownBy(() -> SupporterFile.read(file, "s.csv")).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.problems()).extracting(Object::toString).containsExactly(
            "s.csv:2:2: kind: must be person or organization, not 'persn'",
            "s.csv:3:4: disclosure: must be one of full, name-only, initials, counted-only, not 'everything'",
            "s.csv:3:5: signedAt: must be a date (2026-09-01) or an instant (2026-09-01T10:00:00Z), not 'yesterday'"));
  }

  @Test
  void refusesARegionTheDirectoryDoesNotKnowInACountryWhoseRegionsItKnows() {
    Path file = VoiceTesting.csv(dir, "s.csv", """
        name,country,region
        Aiko,JP,JP-27
        Ken,JP,JP-77
        Mia,KR,KR-11
        """);
    KnownRegions known = KnownRegions.of(VoiceTesting.directory());
    assertThatThrownBy(() -> SupporterFile.read(file, "s.csv", known)).isInstanceOfSatisfying(
        InvalidInputException.class, e -> assertThat(e.problems()).extracting(Object::toString).containsExactly(
            "s.csv:3:3: region: is not a known region: 'JP-77' names no region of Japan (ISO 3166-2, such as JP-01)"));
    assertThat(SupporterFile.read(file, "s.csv")).hasSize(3);
  }
}
