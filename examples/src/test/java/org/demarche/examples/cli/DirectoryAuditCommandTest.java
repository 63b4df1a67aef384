package org.demarche.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DirectoryAuditCommandTest {
  @Test
  void auditOfTheBundledDataListsFactsToCheckPerMissionAndItsFigures() {
    Cli.Result r = Cli.run("directory", "audit", "--sending-state", "CN", "--today", "2026-11-29");
    assertThat(r.exitCode()).as(r.err()).isZero();
    System.out.println(r.out().lines().filter(l -> !l.startsWith(" ") && !l.startsWith("cn-")).toList());
    assertThat(r.out()).contains("cn-cg-jp-fukuoka (Consulate-General of the People's Republic of China in Fukuoka)")
        .contains("  address: unconfirmed, third-party only [third-party: https://www.embassies.net/china-in-fukuoka]")
        .containsPattern("missions: 1\\d\\d \\(\\d+ with a fact to check\\)")
        .containsPattern("facts: \\d+ \\(official \\d+, government 0, open-data \\d+, third-party \\d+\\)")
        .containsPattern("confirmed: \\d+ of \\d+ \\(\\d+\\.\\d%\\)")
        .contains("oldest fact: ");
  }

  @Test
  void aConfirmedRecentOfficialFactIsNotListed() {
    Cli.Result r = Cli.run("directory", "audit", "--sending-state", "CN", "--today", "2026-11-29");
    String ottawa = r.out().lines().dropWhile(l -> !l.startsWith("cn-embassy-ca-ottawa ")).skip(1)
        .takeWhile(l -> l.startsWith("  ")).reduce("", (a, b) -> a + b + "\n");
    assertThat(ottawa).doesNotContain("  email:").doesNotContain("  jurisdiction:").contains("  coordinate:");
  }

  @Test
  void olderThanMakesAFactStale() {
    String niigata24 = block(Cli.run("directory", "audit", "--sending-state", "CN", "--today", "2026-11-29").out(),
        "cn-cg-jp-niigata ");
    assertThat(niigata24).contains("  email: stale (2018-07-23)");
    String niigata10y = block(Cli.run("directory", "audit", "--sending-state", "CN", "--today", "2026-11-29",
        "--older-than", "10y").out(), "cn-cg-jp-niigata ");
    assertThat(niigata10y).doesNotContain("  email:");
  }

  @Test
  void aBadAgeIsRefusedWithExitCodeTwo() {
    Cli.Result r = Cli.run("directory", "audit", "--older-than", "soon");
    assertThat(r.exitCode()).isEqualTo(DemarcheCli.INVALID);
    assertThat(r.err()).contains("--older-than must be a number of months or years");
  }

  @Test
  void theWholeBundledDataOfEveryStateIsAudited() {
    Cli.Result r = Cli.run("directory", "audit", "--summary", "--today", "2026-11-29");
    assertThat(r.exitCode()).as(r.err()).isZero();
    System.out.println(r.out());
    assertThat(r.out()).containsPattern("missions: \\d{4} ").doesNotContain("cn-cg-jp-osaka (");
  }

  @Test
  void recipientsOfRussiaInGermanyListTheEmbassyInBerlinAndTheConsulateGeneralInBonn() {
    Cli.Result r = Cli.run("recipients", "--sending-state", "RU", "--host-country", "DE", "--format", "json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"ru-embassy-de-berlin\"").contains("\"ru-cg-de-bonn\"");
  }

  @Test
  void nearestNorthKoreanMissionToSwedenIsFound() {
    Cli.Result r = Cli.run("nearest", "--sending-state", "KP", "--country", "SE", "--lat", "59.33", "--lon", "18.07");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("kp-embassy-se-lidingo");
  }

  private static String block(String out, String prefix) {
    return out.lines().dropWhile(l -> !l.startsWith(prefix)).skip(1).takeWhile(l -> l.startsWith("  "))
        .reduce("", (a, b) -> a + b + "\n");
  }
}
