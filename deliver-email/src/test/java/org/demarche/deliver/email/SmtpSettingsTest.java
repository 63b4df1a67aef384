package org.demarche.deliver.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;
import org.demarche.core.model.Settings;
import org.junit.jupiter.api.Test;

/** Reading {@code delivery.smtp} from a campaign file: defaults, and every problem with its place. */
class SmtpSettingsTest {

  /** Settings as the campaign loader makes them: each key at its own line of campaign.yaml. */
  static Settings section(Map<String, String> values) {
    Map<String, Location> locations = new HashMap<>();
    int line = 30;
    for (String key : values.keySet()) {
      locations.put(key, new Location("campaign.yaml", ++line, 5));
    }
    return new Settings("delivery.smtp", values, locations, new Location("campaign.yaml", 30, 3), Path.of("."));
  }

  static Map<String, String> map(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void defaultsAreStartTlsOn587AndAConservativeRate() {
    SmtpSettings s = SmtpSettings.from(section(map("host", "smtp.example.org")));
    assertThat(s.tls()).isEqualTo(SmtpSettings.Tls.STARTTLS);
    assertThat(s.port()).isEqualTo(587);
    assertThat(s.perMinute()).isEqualTo(6);
    assertThat(s.perDomainPerMinute()).isEqualTo(2);
    assertThat(s.passwordEnv()).isEqualTo("DEMARCHE_SMTP_PASSWORD");
    assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(s.username()).isEmpty();
  }

  @Test
  void changingTheTlsModeInCodeMovesADefaultPortButKeepsAChosenOne() {
    assertThat(SmtpSettings.of("smtp.example.org").withTls(SmtpSettings.Tls.SMTPS).port()).isEqualTo(465);
    assertThat(SmtpSettings.of("smtp.example.org").withPort(2525).withTls(SmtpSettings.Tls.SMTPS).port())
        .isEqualTo(2525);
  }

  @Test
  void smtpsDefaultsToPort465() {
    assertThat(SmtpSettings.from(section(map("host", "smtp.example.org", "tls", "smtps"))).port()).isEqualTo(465);
  }

  @Test
  void everyOptionIsRead() {
    SmtpSettings s = SmtpSettings.from(section(map("host", "smtp.example.org", "port", "2525", "tls", "STARTTLS",
        "username", "campaigns@example.org", "passwordEnv", "DEMARCHE_LFNKR_SMTP", "connectTimeoutMs", "5000",
        "readTimeoutMs", "20000", "perMinute", "0", "perDomainPerMinute", "1", "cc", "copy@example.org",
        "bcc", "archive@example.org", "bounceAddress", "bounces@example.org", "deadlineSeconds", "90",
        "connections", "3")));
    assertThat(s).isEqualTo(new SmtpSettings("smtp.example.org", 2525, SmtpSettings.Tls.STARTTLS,
        java.util.Optional.of("campaigns@example.org"), "DEMARCHE_LFNKR_SMTP", Duration.ofSeconds(5),
        Duration.ofSeconds(20), 0, 1, java.util.Optional.of("copy@example.org"),
        java.util.Optional.of("archive@example.org"), java.util.Optional.of("bounces@example.org"),
        java.util.Optional.empty(), Duration.ofSeconds(90), SmtpSettings.Auth.PASSWORD, java.util.Optional.empty(),
        3));
  }

  @Test
  void plainTextToARemoteHostIsAProblemAtTheTlsLine() {
    List<Problem> problems = SmtpSettings.problems(section(map("host", "smtp.example.org", "tls", "none")));
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).toString()).isEqualTo("campaign.yaml:32:5: delivery.smtp.tls: none would send the"
        + " password and the letters in clear text to 'smtp.example.org'; it is allowed only for a server on this"
        + " machine (localhost, 127.0.0.1, ::1): use starttls or smtps");
  }

  @Test
  void plainTextToLocalhostIsAccepted() {
    assertThat(SmtpSettings.problems(section(map("host", "localhost", "tls", "none", "port", "2525")))).isEmpty();
  }

  @Test
  void everyProblemIsReportedAtOnceWithItsLine() {
    Settings settings = section(map("port", "smtp", "tls", "ssl", "perMinute", "-1", "cc",
        "a@example.org\r\nBcc: victim@example.org", "password", "hunter2", "hots", "x", "passwordEnv", "my var"));
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> SmtpSettings.from(settings));
    assertThat(e.problems()).extracting(Problem::field).containsExactlyInAnyOrder("delivery.smtp.password",
        "delivery.smtp.hots", "delivery.smtp.host", "delivery.smtp.tls", "delivery.smtp.port",
        "delivery.smtp.passwordEnv", "delivery.smtp.perMinute", "delivery.smtp.cc");
    assertThat(e.problems()).filteredOn(p -> p.field().equals("delivery.smtp.port")).extracting(Problem::toString)
        .containsExactly("campaign.yaml:31:5: delivery.smtp.port: must be a whole number, not 'smtp'");
    assertThat(e.problems()).filteredOn(p -> p.field().equals("delivery.smtp.host")).extracting(Problem::message)
        .containsExactly("is missing: name the SMTP server, e.g. host: smtp.example.org");
    assertThat(e.getMessage()).doesNotContain("hunter2");
  }

  @Test
  void aPasswordInTheCampaignFileIsRefusedWithoutRepeatingIt() {
    List<Problem> problems = SmtpSettings.problems(section(map("host", "smtp.example.org", "password", "hunter2")));
    assertThat(problems).extracting(Problem::message).containsExactly("a password is never read from the campaign"
        + " file: remove it and put it in the environment variable named by passwordEnv (default"
        + " DEMARCHE_SMTP_PASSWORD)");
  }

  @Test
  void dkimNeedsItsThreeOptionsTogether() {
    List<Problem> problems = SmtpSettings.problems(section(map("host", "smtp.example.org", "dkimSelector", "s1")));
    assertThat(problems).extracting(Problem::field)
        .containsExactlyInAnyOrder("delivery.smtp.dkimKeyFile", "delivery.smtp.dkimDomain");
  }

  @Test
  void anUnreadableDkimKeyIsAProblem() {
    List<Problem> problems = SmtpSettings.problems(section(map("host", "smtp.example.org", "dkimKeyFile",
        "no-such-key.pem", "dkimSelector", "s1", "dkimDomain", "example.org")));
    assertThat(problems).extracting(Problem::field).containsExactly("delivery.smtp.dkimKeyFile");
    assertThat(problems.get(0).message()).startsWith("cannot read the DKIM key");
  }
}
