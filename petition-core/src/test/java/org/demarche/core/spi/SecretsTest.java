package org.demarche.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets from real files and real child processes; no message ever holds the secret. */
class SecretsTest {
  @TempDir
  Path dir;

  @Test
  void aCommandsStandardOutputIsTheSecretWithoutItsLineBreak() {
    assertThat(Secrets.read(new Secrets.Command(List.of("echo", "tok$HOME;x"), Duration.ofSeconds(10)), Map.of(),
        "token")).as("no shell: $HOME and ; stay as written").isEqualTo("tok$HOME;x");
  }

  @Test
  void aCommandThatRunsPastItsTimeoutIsStoppedAndNamed() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> Secrets.read(new Secrets.Command(List.of("sleep", "30"), Duration.ofSeconds(1)),
        Map.of(), "SMTP access token")).isInstanceOf(Secrets.MissingSecretException.class)
        .hasMessage("the command for the SMTP access token (sleep) did not finish within 1 s; it was stopped");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aCommandThatFailsIsReportedWithItsExitStatusNotItsOutput() {
    assertThatThrownBy(() -> Secrets.read(new Secrets.Command(List.of("sh", "-c", "echo s3cret; exit 3"),
        Duration.ofSeconds(10)), Map.of(), "token")).hasMessageContaining("exit status 3")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void aFifoIsRefusedBeforeItIsOpened() throws Exception {
    Path fifo = dir.resolve("secret.fifo");
    new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
    assertThatThrownBy(() -> Secrets.read(new Secrets.PrivateFile(fifo), Map.of(), "password"))
        .hasMessageContaining("is not a regular file");
  }

  @Test
  void aPrivateFileOfTwoLinesIsRefusedWithoutShowingIt() throws Exception {
    Path file = dir.resolve("secret");
    Files.writeString(file, "s3cret\nmore\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertThatThrownBy(() -> Secrets.read(new Secrets.PrivateFile(file), Map.of(), "password"))
        .hasMessageContaining("more than one line").hasMessageNotContaining("s3cret");
  }

  @Test
  void aCampaignMayNameOnlyDemarcheVariables() {
    assertThat(Secrets.checkCampaignVariable("DEMARCHE_SMTP_TOKEN", "passwordEnv")).isEqualTo("DEMARCHE_SMTP_TOKEN");
    assertThatThrownBy(() -> Secrets.checkCampaignVariable("HOME", "passwordEnv"))
        .hasMessageStartingWith("passwordEnv names the environment variable 'HOME'");
  }
}
