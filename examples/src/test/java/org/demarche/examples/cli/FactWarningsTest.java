package org.demarche.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.demarche.core.model.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactWarningsTest {
  @TempDir
  Path dir;

  @Test
  void aRunWarnsOnceNamingTheLettersSentToUnconfirmedAddresses() {
    Path campaign = Campaigns.founding(dir);

    Cli.Result r = Cli.run("run", campaign.toString(), "--out", dir.resolve("out").toString());

    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    // Fukuoka's and Nagasaki's street addresses come from a commercial directory only.
    String out = r.out();
    assertThat(out.lines().filter(l -> l.startsWith("Warning: "))).hasSize(1);
    String warning = out.substring(out.indexOf("Warning: ")).replaceAll("\\s+", " ");
    assertThat(warning).contains("cn-cg-jp-fukuoka (address)", "cn-cg-jp-nagasaki (address)", "demarche directory audit");
  }

  @Test
  void aSecondRunThatSendsNothingNewDoesNotWarnAgain() {
    Path campaign = Campaigns.founding(dir);
    Cli.run("run", campaign.toString(), "--out", dir.resolve("out").toString());

    Cli.Result again = Cli.run("run", campaign.toString(), "--out", dir.resolve("out").toString());

    assertThat(again.out()).doesNotContain("Warning: ");
  }

  @Test
  void aConfirmedFactReadOverTwoYearsAgoIsDoubtfulAndOneReadLastYearIsNot() {
    LocalDate today = LocalDate.of(2026, 11, 29);
    Provenance old = Provenance.confirmed("https://example.org/contact", LocalDate.of(2024, 11, 28));
    Provenance recent = Provenance.confirmed("https://example.org/contact", LocalDate.of(2025, 11, 29));
    Provenance unconfirmed = new Provenance("https://example.org/list", Provenance.Kind.THIRD_PARTY,
        Optional.empty(), LocalDate.of(2026, 11, 1), false, Optional.empty());

    assertThat(FactWarnings.doubtful(old, today)).isTrue();
    assertThat(FactWarnings.doubtful(recent, today)).isFalse();
    assertThat(FactWarnings.doubtful(unconfirmed, today)).isTrue();
  }
}
