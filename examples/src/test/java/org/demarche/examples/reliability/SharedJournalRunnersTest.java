package org.demarche.examples.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two runner processes on one campaign, journaled in PostgreSQL, against one real SMTP server. */
class SharedJournalRunnersTest {
  static final int LETTERS = 60;

  @TempDir
  Path dir;
  private String schema;

  @BeforeEach
  void schema() {
    schema = PostgresRunners.freshSchema();
  }

  @AfterEach
  void drop() throws Exception {
    if (schema != null) {
      PostgresRunners.drop(schema);
    }
  }

  @Test
  void twoRunnersOnOneCampaignInPostgresSendEveryLetterOnceAndStatusReadsIt() throws Exception {
    // The server takes 50 ms to accept a message, as a real one does, so the two runners' work overlaps whatever
    // the machine's speed (a fast runner could otherwise finish every letter before the second one starts).
    try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(r -> "250 2.1.5 OK", r -> slowly("250 2.0.0 queued"))) {
      Path campaign = TestCampaigns.write(dir, LETTERS, smtp.port());
      List<Process> runners = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runners.add(PostgresRunners.run(campaign, dir.resolve("out-" + i), schema, dir.resolve("run-" + i + ".log")));
      }
      for (int i = 0; i < runners.size(); i++) {
        assertThat(runners.get(i).waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(runners.get(i).exitValue()).as(Files.readString(dir.resolve("run-" + i + ".log"))).isZero();
      }
      for (int i = 1; i <= LETTERS; i++) {
        assertThat(smtp.accepted(String.format("m%03d@missions.test", i))).as("letter %d", i).isEqualTo(1);
      }
      assertThat(PostgresRunners.count(schema, "SELECT count(DISTINCT runner) FROM demarche_entry WHERE state = 'SENT'"))
          .as("both runners sent letters").isEqualTo(2);

      Process status = PostgresRunners.start(dir.resolve("status.log"), "status", campaign.toString(),
          "--journal", PostgresRunners.url(schema), "--format", "json");
      assertThat(status.waitFor(2, TimeUnit.MINUTES)).isTrue();
      String json = Files.readString(dir.resolve("status.log"));
      assertThat(status.exitValue()).as(json).isZero();
      assertThat(json).contains("\"journal\" : \"" + PostgresRunners.url(schema) + " (channel smtp)\"");
      assertThat(json.split("\"state\" : \"sent\"", -1)).hasSize(LETTERS + 1);
    }
  }

  @Test
  void aJournalUrlWithAPasswordIsRefusedAndThePasswordNotShown() throws Exception {
    try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(r -> "250 2.1.5 OK", r -> "250 2.0.0 queued")) {
      Path campaign = TestCampaigns.write(dir, 2, smtp.port());
      Process run = PostgresRunners.start(dir.resolve("run.log"), "run", campaign.toString(), "--out",
          dir.resolve("out").toString(), "--send", "--journal", PostgresRunners.URL + "?password=hunter2");
      assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();
      String log = Files.readString(dir.resolve("run.log"));
      assertThat(run.exitValue()).as(log).isNotZero();
      assertThat(log).contains("PGPASSWORD").doesNotContain("hunter2").doesNotContain("\tat ");
      assertThat(smtp.rcptCommands("m001@missions.test")).isZero();
    }
  }

  private static String slowly(String reply) {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return reply;
  }
}
