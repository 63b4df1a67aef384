package org.demarche.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundled schedule tables equal their sources: holidays.tsv's generated rows what jollyday gives, weekends.tsv
 * what CLDR (through ICU4J) gives, so that nobody edits them by hand without noticing. With
 * {@code -Ddemarche.regenerateTables=true} the two tests rewrite the files instead (then review the diff).
 */
class BundledScheduleTablesTest {
  private static final boolean REGENERATE = Boolean.getBoolean("demarche.regenerateTables");

  private static List<String[]> rows(String table) {
    return ScheduleTables.read(table.equals("holidays.tsv") ? ScheduleTables.HOLIDAYS : ScheduleTables.WEEKENDS)
        .lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t", -1)).toList();
  }

  @Test
  void theGeneratedHolidayRowsAreWhatJollydayGives() {
    String current = ScheduleTables.read(ScheduleTables.HOLIDAYS);
    String expected = ScheduleTables.holidaysFile(current);
    if (REGENERATE) {
      ScheduleTables.write(ScheduleTables.HOLIDAYS, expected);
    }
    assertThat(ScheduleTables.read(ScheduleTables.HOLIDAYS)).isEqualTo(expected);
  }

  @Test
  void theWeekendTableIsCldrsAsIcuGivesIt() {
    String expected = ScheduleTables.weekendsFile();
    if (REGENERATE) {
      ScheduleTables.write(ScheduleTables.WEEKENDS, expected);
    }
    assertThat(ScheduleTables.read(ScheduleTables.WEEKENDS)).isEqualTo(expected);
  }

  @Test
  void everyHostCountryJollydayCoversIsGeneratedForBothYearsButJapanAndKorea() {
    assertThat(ScheduleTables.generatedCountries()).contains("US", "GB", "DE", "FR", "AU", "CA")
        .doesNotContain("JP", "KR");
    for (String country : ScheduleTables.generatedCountries()) {
      for (int year : ScheduleTables.YEARS) {
        assertThat(ClosedDays.known(country, year)).as(country + " " + year).isTrue();
      }
    }
  }

  @Test
  void handSourcedRowsAreOnlyJapansAndKoreasAndGeneratedRowsNeverTheirs() {
    String text = ScheduleTables.read(ScheduleTables.HOLIDAYS);
    String handPart = text.substring(0, text.indexOf(ScheduleTables.MARKER));
    assertThat(handPart.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.substring(0, 2)))
        .isNotEmpty().allMatch(ScheduleTables.HAND_SOURCED::contains);
    assertThat(rows("holidays.tsv")).filteredOn(r -> ScheduleTables.HAND_SOURCED.contains(r[0]))
        .allSatisfy(r -> assertThat(r[3]).doesNotContain("jollyday").contains("read 2026-11-29: https://"));
  }

  @Test
  void everyRowHasCountryDateNameAndSource() {
    assertThat(rows("holidays.tsv")).hasSizeGreaterThan(1000).allSatisfy(r -> {
      assertThat(r).as(Arrays.toString(r)).hasSize(4);
      assertThat(r[0]).matches("[A-Z]{2}");
      assertThat(r[1]).matches("\\d{4}-\\d{2}-\\d{2}");
      assertThat(r[2]).isNotBlank();
      assertThat(r[3]).isNotBlank();
    });
    assertThat(rows("holidays.tsv")).filteredOn(r -> !ScheduleTables.HAND_SOURCED.contains(r[0]))
        .allSatisfy(r -> assertThat(r[3]).isEqualTo("jollyday 1.5.1 (de.focus-shift), generated 2026-11-29"));
    assertThat(rows("weekends.tsv")).isNotEmpty().allSatisfy(r -> {
      assertThat(r).as(Arrays.toString(r)).hasSize(3);
      assertThat(r[2]).startsWith("CLDR ").contains("ICU4J");
    });
  }
}
