package org.demarche.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Problem;
import org.demarche.core.model.Settings;
import org.demarche.core.model.Values;
import org.demarche.core.testing.CampaignFiles;
import org.demarche.core.testing.TestPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin's section of a campaign file, bound to the plugin's settings record with every problem located. */
class PluginSettingsTest {
  enum Mode { STARTTLS, NAME_ONLY }

  /** A relay's settings as a plugin would declare them. */
  record Relay(String host, Optional<Integer> port, Optional<Mode> mode, Optional<Boolean> archive,
      List<String> copies, Optional<Path> keyFile, Optional<Double> ratio, long quota) {
    Relay {
      Path key = keyFile.orElse(null);
      Values.checkAll(
          () -> port.ifPresent(p -> {
            if (p < 1 || p > 65535) {
              throw new IllegalArgumentException("port must be between 1 and 65535, not " + p);
            }
          }),
          () -> {
            if (key != null && !key.toString().endsWith(".pem")) {
              throw new IllegalArgumentException("keyFile must be a .pem file");
            }
          },
          () -> {
            if (quota < 0) {
              throw new IllegalArgumentException("the quota cannot be negative");
            }
          });
    }
  }

  @TempDir
  Path dir;

  private final Demarche demarche = Demarche.builder().install(new TestPlugin()).build();

  /** The test campaign with a {@code delivery.relay} section holding {@code lines}, each at column 5. */
  private Campaign campaignWithRelay(String... lines) {
    StringBuilder relay = new StringBuilder("  renderer: text\n  relay:\n");
    for (String line : lines) {
      relay.append("    ").append(line).append('\n');
    }
    return demarche.load(CampaignFiles.write(dir, CampaignFiles.VALID.replace("  renderer: text\n", relay), CampaignFiles.BODY));
  }

  /** The 1-based line of {@code text} in the campaign file. */
  private int lineOf(String text) throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve("campaign.yaml"));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " is not in the campaign file");
  }

  private Settings relay(Campaign campaign) {
    return demarche.section(campaign, "delivery.relay");
  }

  @Test
  void bindsEveryTypeAndLeavesAbsentOptionalKeysEmpty() {
    Relay r = relay(campaignWithRelay("host: relay.example.org", "mode: name-only", "copies: [a@example.org, b@example.org]",
        "keyFile: keys/dkim.pem", "quota: 5000000000")).bind(Relay.class);
    assertThat(r.host()).isEqualTo("relay.example.org");
    assertThat(r.mode()).contains(Mode.NAME_ONLY);
    assertThat(r.copies()).containsExactly("a@example.org", "b@example.org");
    assertThat(r.keyFile()).contains(dir.toAbsolutePath().resolve("keys/dkim.pem"));
    assertThat(r.quota()).isEqualTo(5_000_000_000L);
    assertThat(r.port()).isEmpty();
    assertThat(r.archive()).isEmpty();
    assertThat(r.ratio()).isEmpty();
  }

  @Test
  void reportsAnUnknownKeyWithLineAndColumnAndTheValidKeys() throws IOException {
    List<Problem> problems = relay(campaignWithRelay("host: relay.example.org", "quota: 1", "colour: red"))
        .check(Relay.class);
    assertThat(problems).extracting(Problem::toString).containsExactly(dir.resolve("campaign.yaml") + ":"
        + lineOf("colour: red") + ":5: delivery.relay.colour: unknown key 'colour'; valid keys are archive, copies,"
        + " host, keyFile, mode, port, quota, ratio");
  }

  @Test
  void reportsWrongTypesAndMissingKeysAllAtOnce() throws IOException {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> relay(campaignWithRelay("port: abc", "mode: ssl", "archive: maybe", "ratio: high")).bind(Relay.class));
    assertThat(e.problems()).extracting(Problem::toString).containsExactlyInAnyOrder(
        dir.resolve("campaign.yaml") + ":" + lineOf("port: abc") + ":5: delivery.relay.port: must be a whole number,"
            + " not 'abc'",
        dir.resolve("campaign.yaml") + ":" + lineOf("mode: ssl") + ":5: delivery.relay.mode: must be starttls or"
            + " name-only, not 'ssl'",
        dir.resolve("campaign.yaml") + ":" + lineOf("archive: maybe") + ":5: delivery.relay.archive: must be true or"
            + " false, not 'maybe'",
        dir.resolve("campaign.yaml") + ":" + lineOf("ratio: high") + ":5: delivery.relay.ratio: must be a number such"
            + " as 0.8, not 'high'",
        dir.resolve("campaign.yaml") + ":" + lineOf("relay:") + ":3: delivery.relay.host: is missing",
        dir.resolve("campaign.yaml") + ":" + lineOf("relay:") + ":3: delivery.relay.quota: is missing");
  }

  @Test
  void locatesEachConstructorRefusalAtTheKeyItNames() throws IOException {
    List<Problem> problems = relay(campaignWithRelay("host: relay.example.org", "port: 0", "keyFile: key.txt",
        "quota: -1")).check(Relay.class);
    assertThat(problems).extracting(Problem::toString).containsExactly(
        dir.resolve("campaign.yaml") + ":" + lineOf("port: 0") + ":5: delivery.relay.port: must be between 1 and"
            + " 65535, not 0",
        dir.resolve("campaign.yaml") + ":" + lineOf("keyFile:") + ":5: delivery.relay.keyFile: must be a .pem file",
        dir.resolve("campaign.yaml") + ":" + lineOf("relay:") + ":3: delivery.relay: the quota cannot be negative");
  }

  @Test
  void locatesACommandLineOverrideAtItsFlagAndKeepsTheFileForTheRest() throws IOException {
    Settings settings = relay(campaignWithRelay("host: relay.example.org", "port: 2525", "quota: 1", "mode: ssl"))
        .with("port", "70000", "--relay-port");
    List<Problem> problems = settings.check(Relay.class);
    assertThat(problems).extracting(Problem::toString).containsExactlyInAnyOrder(
        "command line option --relay-port: delivery.relay.port: must be between 1 and 65535, not 70000",
        dir.resolve("campaign.yaml") + ":" + lineOf("mode: ssl") + ":5: delivery.relay.mode: must be starttls or"
            + " name-only, not 'ssl'");
    Relay fixed = settings.with("mode", "starttls", "--relay-mode").with("port", "25", "--relay-port").bind(Relay.class);
    assertThat(fixed.port()).contains(25);
    assertThat(fixed.host()).isEqualTo("relay.example.org");
  }

  @Test
  void aCampaignLoadedOnceKeepsTheSectionOfAChannelItDoesNotUse() throws IOException {
    Campaign campaign = campaignWithRelay("host: relay.example.org", "quota: 1");
    Files.delete(dir.resolve("campaign.yaml"));

    assertThat(campaign.delivery().channel()).isEqualTo("counting");
    assertThat(relay(campaign).bind(Relay.class).host()).isEqualTo("relay.example.org");
    assertThat(demarche.section(campaign, "delivery.fax").values()).isEmpty();
  }

  @Test
  void aRecordWithNoComponentsRefusesEveryKey() {
    record Nothing() {}
    assertThat(relay(campaignWithRelay("host: x")).check(Nothing.class)).extracting(Problem::message)
        .containsExactly("unknown key 'host'; delivery.relay takes no keys");
  }
}
