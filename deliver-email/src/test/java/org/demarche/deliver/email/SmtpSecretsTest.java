package org.demarche.deliver.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.demarche.core.contract.Fixtures;
import org.demarche.core.model.DeliveryException;
import org.demarche.core.model.DeliveryException.Kind;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;
import org.demarche.core.model.Settings;
import org.demarche.core.spi.ChannelContext;
import org.demarche.core.spi.DeliveryChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the SMTP login's secret comes from (a private file, a command, a DEMARCHE_ variable) and XOAUTH2
 * against a real server that checks the token (GreenMail compares it with the user's secret).
 */
class SmtpSecretsTest {
  private static final String TOKEN = "ya29.test-access-token-4711";
  private static final String USER = "campaigns@lfnkr.example.org";

  @TempDir
  Path dir;
  private GreenMail server;

  @BeforeEach
  void start() {
    server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    server.start();
    server.setUser(USER, USER, TOKEN);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  /** A {@code delivery.smtp} section of a campaign in {@link #dir}, each key on its own line. */
  private Settings section(String... kv) {
    Map<String, String> values = new HashMap<>(Map.of("host", "127.0.0.1", "tls", "none", "port",
        String.valueOf(server.getSmtp().getPort()), "username", USER, "perMinute", "0", "perDomainPerMinute", "0"));
    Map<String, Location> locations = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      values.put(kv[i], kv[i + 1]);
      locations.put(kv[i], new Location(dir.resolve("campaign.yaml").toString(), 40 + i, 5));
    }
    return new Settings("delivery.smtp", values, locations, new Location("campaign.yaml", 30, 3), dir);
  }

  private Path privateFile(String name, String text, String mode) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    return file;
  }

  private DeliveryChannel open(Settings settings) {
    return EmailPluginTest.installed().get("smtp").open(new ChannelContext(settings, dir.resolve("out"), Map.of()));
  }

  private void send(Settings settings) {
    try (DeliveryChannel smtp = open(settings)) {
      smtp.deliver(TestLetters.envelope(Fixtures.letterTo(Fixtures.osaka())));
    }
  }

  @Test
  void xoauth2WithATokenFromAPrivateFileLogsIn() throws Exception {
    privateFile("token", TOKEN + "\n", "rw-------");
    send(section("tokenFile", "token"));
    assertThat(server.getReceivedMessages()).hasSize(1);
  }

  @Test
  void xoauth2WithATokenFromACommandRunWithoutAShellLogsIn() {
    // "echo" gets its words as they are: a shell would expand the $ and the ; would end the command.
    send(section("tokenCommand", "echo," + TOKEN));
    assertThat(server.getReceivedMessages()).hasSize(1);
  }

  @Test
  void aWrongTokenFailsWithAClearMessageThatNeverShowsTheToken() throws Exception {
    privateFile("token", "ya29.expired-token-0815", "rw-------");
    DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> send(section("tokenFile", "token")));
    System.out.println("xoauth2 with a wrong token -> " + e.kind() + ": " + e.getMessage());
    assertThat(e.kind()).as("the sender's settings: the next run retries").isEqualTo(Kind.SENDER_SIDE);
    assertThat(e).hasMessageContaining("refused the login").hasMessageContaining("tokenFile");
    assertThat(e.getMessage() + e.serverReply().orElse("")).doesNotContain("expired-token-0815")
        .doesNotContain(TOKEN);
    assertThat(server.getReceivedMessages()).isEmpty();
  }

  @Test
  void aPasswordFromAPrivateFileLogsIn() throws Exception {
    privateFile("smtp-password", TOKEN + "\n", "r--------");
    send(section("passwordFile", "smtp-password"));
    assertThat(server.getReceivedMessages()).hasSize(1);
  }

  @Test
  void aPasswordFileOthersCanReadIsRefusedAtItsLineWithoutShowingIt() throws Exception {
    privateFile("smtp-password", TOKEN, "rw-r--r--");
    List<Problem> problems = SmtpSettings.problems(section("passwordFile", "smtp-password"));
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).toString()).startsWith(dir.resolve("campaign.yaml") + ":40:5: delivery.smtp"
        + ".passwordFile: ").contains("may be read or changed by others").contains("chmod 600").doesNotContain(TOKEN);
  }

  @Test
  void aPasswordFileThatIsASymbolicLinkIsRefused() throws Exception {
    Path target = privateFile("real-password", TOKEN, "rw-------");
    Files.createSymbolicLink(dir.resolve("smtp-password"), target);
    List<Problem> problems = SmtpSettings.problems(section("passwordFile", "smtp-password"));
    assertThat(problems).extracting(Problem::message).singleElement().asString()
        .contains("not a regular file").contains("symbolic link");
  }

  @Test
  void aPasswordEnvOutsideTheDemarchePrefixIsRefusedAtItsLineSayingWhatItReads() {
    List<Problem> problems = SmtpSettings.problems(section("passwordEnv", "AWS_SECRET_ACCESS_KEY"));
    assertThat(problems).extracting(Problem::toString).singleElement().asString()
        .startsWith(dir.resolve("campaign.yaml") + ":40:5: delivery.smtp.passwordEnv: ")
        .contains("only variables starting with DEMARCHE_")
        .contains("sends its value to the server");
  }

  @Test
  void twoPlacesForTheSecretAreRefused() throws Exception {
    privateFile("token", TOKEN, "rw-------");
    List<Problem> problems = SmtpSettings.problems(section("passwordEnv", "DEMARCHE_SMTP_PASSWORD",
        "tokenFile", "token"));
    assertThat(problems).extracting(Problem::message).anyMatch(m -> m.contains("name one place the secret is read"));
  }

  @Test
  void aDkimKeyFileOver64KiBIsRefusedAtItsLine() throws Exception {
    Files.write(dir.resolve("huge.pem"), new byte[70 * 1024]);
    List<Problem> problems = SmtpSettings.problems(section("dkimKeyFile", "huge.pem", "dkimSelector", "s1",
        "dkimDomain", "lfnkr.example.org"));
    assertThat(problems).extracting(Problem::toString).singleElement().asString()
        .startsWith(dir.resolve("campaign.yaml") + ":40:5: delivery.smtp.dkimKeyFile: ")
        .contains("larger than 64 KiB");
  }

  @Test
  void aMissingTokenFileIsAProblemAtTheTokenFileLine() {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> open(section("tokenFile", "no-such-token")));
    assertThat(e.problems()).extracting(Problem::field).containsExactly("delivery.smtp.tokenFile");
    assertThat(e.problems().get(0).message()).contains("does not exist");
  }
}
