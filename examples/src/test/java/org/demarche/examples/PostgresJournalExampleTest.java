package org.demarche.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.demarche.core.RunReport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The README's example: a campaign built in code, sent over SMTP, journaled in PostgreSQL (.ci/install-postgres). */
class PostgresJournalExampleTest {
  static final String URL = System.getProperty("demarche.pg.url", "jdbc:postgresql://localhost:5432/demarche_test");
  static final Map<String, String> ENV = Map.of("PGUSER", System.getenv().getOrDefault("PGUSER", "demarche"),
      "PGPASSWORD", System.getenv().getOrDefault("PGPASSWORD", "demarche"));

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  @TempDir
  Path out;

  static String freshSchema() throws Exception {
    if (Boolean.getBoolean("demarche.pg.skip")) {
      System.out.println("SKIPPED: the PostgreSQL example needs a server; -Ddemarche.pg.skip=true was given");
      Assumptions.abort("-Ddemarche.pg.skip=true");
    }
    String schema = "e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(URL, ENV.get("PGUSER"), ENV.get("PGPASSWORD"));
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    return schema;
  }

  static void drop(String schema) throws Exception {
    try (Connection c = DriverManager.getConnection(URL, ENV.get("PGUSER"), ENV.get("PGPASSWORD"));
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private Map<String, String> smtpSettings() {
    return Map.of("host", "127.0.0.1", "port", String.valueOf(smtp.getSmtp().getPort()), "tls", "none",
        "perDomainPerMinute", "0");
  }

  @Test
  void twoWorkersOfAnAppSendingTheSameCampaignAtOnceSendEachLetterOnce() throws Exception {
    String schema = freshSchema();
    try {
      var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
      var a = pool.submit(() -> PostgresJournalExample.send(URL + "?currentSchema=" + schema, ENV, smtpSettings(), out));
      var b = pool.submit(() -> PostgresJournalExample.send(URL + "?currentSchema=" + schema, ENV, smtpSettings(), out));
      long sent = java.util.stream.Stream.of(a.get(), b.get()).flatMap(r -> r.outcomes().stream())
          .filter(o -> o.result() == RunReport.Result.SENT).count();
      pool.shutdown();
      var recipients = new java.util.ArrayList<String>();
      for (var m : smtp.getReceivedMessages()) {
        recipients.add(m.getAllRecipients()[0].toString());
      }
      assertThat(sent).isPositive();
      assertThat(recipients).hasSize((int) sent).doesNotHaveDuplicates();
    } finally {
      drop(schema);
    }
  }

  @Test
  void anAppSendsACampaignBuiltInCodeOnceThoughItRunsTwice() throws Exception {
    String schema = freshSchema();
    try {
      Map<String, String> settings = smtpSettings();
      RunReport first = PostgresJournalExample.send(URL + "?currentSchema=" + schema, ENV, settings, out);
      int received = smtp.getReceivedMessages().length;
      RunReport second = PostgresJournalExample.send(URL + "?currentSchema=" + schema, ENV, settings, out);

      assertThat(first.outcomes()).anyMatch(o -> o.result() == RunReport.Result.SENT);
      assertThat(received).isEqualTo((int) first.outcomes().stream()
          .filter(o -> o.result() == RunReport.Result.SENT).count());
      assertThat(second.outcomes()).noneMatch(o -> o.result() == RunReport.Result.SENT);
      assertThat(smtp.getReceivedMessages()).hasSize(received);
    } finally {
      drop(schema);
    }
  }

  @Test
  void everyLetterOfTheCampaignBuiltInCodeArrivesOnceAtItsMissionsAddress() throws Exception {
    String schema = freshSchema();
    try {
      RunReport report = PostgresJournalExample.send(URL + "?currentSchema=" + schema, ENV, smtpSettings(), out);

      var demarche = org.demarche.core.Demarche.builder().install(new org.demarche.contacts.ContactsPlugin()).build();
      var expected = demarche.directory(java.util.List.of("bundled"), out).missions().stream()
          .filter(m -> m.sendingState().equals("CN") && m.hostCountry().equals("JP"))
          .flatMap(m -> m.email().stream()).sorted().toList();
      var received = new java.util.ArrayList<String>();
      for (var m : smtp.getReceivedMessages()) {
        received.add(((jakarta.mail.internet.InternetAddress) m.getAllRecipients()[0]).getAddress());
      }
      java.util.Collections.sort(received);
      assertThat(expected).isNotEmpty();
      assertThat(received).isEqualTo(expected);
      assertThat(report.count(RunReport.Result.SENT)).isEqualTo(expected.size());
    } finally {
      drop(schema);
    }
  }

  @Test
  void theReadmeShowsTheExamplesCodeInUnderThirtyLines() throws Exception {
    String source = java.nio.file.Files.readString(
        Path.of("src/main/java/org/demarche/examples/PostgresJournalExample.java"));
    String region = source.substring(source.indexOf("// readme:begin\n") + "// readme:begin\n".length(),
        source.indexOf("    // readme:end"));
    String code = region.lines().map(l -> l.startsWith("    ") ? l.substring(4) : l)
        .collect(java.util.stream.Collectors.joining("\n"));
    String readme = java.nio.file.Files.readString(Path.of("../README.md"));
    String section = readme.substring(readme.indexOf("### An app: a campaign built in code"));
    String block = section.substring(section.indexOf("```java\n") + "```java\n".length(), section.indexOf("\n```\n"));

    assertThat(block).isEqualTo(code);
    assertThat(block.lines().count()).isLessThan(30);
  }
}
