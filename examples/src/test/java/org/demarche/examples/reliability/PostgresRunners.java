package org.demarche.examples.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Runner processes ({@code demarche run --send --journal jdbc:postgresql://…}) on one campaign, with the test server
 * of {@code .ci/install-postgres}: {@code -Ddemarche.pg.url} (default jdbc:postgresql://localhost:5432/demarche_test),
 * user and password demarche unless PGUSER and PGPASSWORD say otherwise. Without a server the tests fail, naming the
 * script; {@code -Ddemarche.pg.skip=true} skips them and says so.
 */
final class PostgresRunners {
  static final String URL = System.getProperty("demarche.pg.url", "jdbc:postgresql://localhost:5432/demarche_test");
  static final String USER = System.getenv().getOrDefault("PGUSER", "demarche");
  static final String PASSWORD = System.getenv().getOrDefault("PGPASSWORD", "demarche");

  private PostgresRunners() {}

  /** A fresh schema; the URL that names it is {@link #url}. */
  static String freshSchema() {
    if (Boolean.getBoolean("demarche.pg.skip")) {
      String why = "SKIPPED: runners on a PostgreSQL journal need a server and -Ddemarche.pg.skip=true was given;"
          + " run .ci/install-postgres and build without it to run them";
      System.out.println(why);
      Assumptions.abort(why);
    }
    String schema = "r_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new AssertionError("no PostgreSQL server at " + URL + " (" + e.getMessage() + "): run .ci/install-postgres"
          + " (as root), or build with -Ddemarche.pg.skip=true to skip these tests", e);
    }
    return schema;
  }

  static String url(String schema) {
    return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  static void drop(String schema) throws SQLException {
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  static long count(String schema, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url(schema), USER, PASSWORD); Statement s = c.createStatement();
        var r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  /** {@code demarche <args>} in a child JVM, with the journal's credentials in its environment. */
  static Process start(Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Ddemarche.plain=true", "-Ddemarche.journal.leaseMillis=3000",
        "-cp", System.getProperty("java.class.path"), "org.demarche.examples.cli.DemarcheCli"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("PGUSER", USER);
    pb.environment().put("PGPASSWORD", PASSWORD);
    return pb.start();
  }

  /** {@code run CAMPAIGN --out OUT --send --journal URL} in a child JVM. */
  static Process run(Path campaign, Path out, String schema, Path log) throws IOException {
    return start(log, "run", campaign.toString(), "--out", out.toString(), "--send", "--journal", url(schema));
  }
}
