package org.demarche.journal.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the tests use: {@code -Ddemarche.pg.url} (default
 * {@code jdbc:postgresql://localhost:5432/demarche_test}, user and password {@code demarche} unless PGUSER and
 * PGPASSWORD say otherwise), as {@code .ci/install-postgres} sets it up. Without a server the tests FAIL, naming
 * the script; {@code -Ddemarche.pg.skip=true} skips them instead, and says so on the console.
 */
final class TestDatabase {
  static final String URL = System.getProperty("demarche.pg.url", "jdbc:postgresql://localhost:5432/demarche_test");
  static final Map<String, String> ENV = Map.of(
      "PGUSER", System.getenv().getOrDefault("PGUSER", "demarche"),
      "PGPASSWORD", System.getenv().getOrDefault("PGPASSWORD", "demarche"));

  private TestDatabase() {}

  /** A fresh schema for one test, or the test skipped (and said so) when -Ddemarche.pg.skip=true. */
  static String freshSchema() {
    if (Boolean.getBoolean("demarche.pg.skip")) {
      String why = "SKIPPED: journal-postgres tests need a PostgreSQL server and -Ddemarche.pg.skip=true was given;"
          + " run .ci/install-postgres and build without it to run them";
      System.out.println(why);
      Assumptions.abort(why);
    }
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new AssertionError("no PostgreSQL server at " + URL + " (" + e.getMessage() + "): run .ci/install-postgres"
          + " (as root) to install and start one, or build with -Ddemarche.pg.skip=true to skip these tests", e);
    }
    return schema;
  }

  static String url(String schema) {
    return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  static void drop(String schema) {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      throw new AssertionError("cannot drop the test schema " + schema + ": " + e.getMessage(), e);
    }
  }

  static Connection connect() throws SQLException {
    return DriverManager.getConnection(URL, ENV.get("PGUSER"), ENV.get("PGPASSWORD"));
  }

  /** Runs one SQL query that returns a number, in {@code schema}. */
  static long count(String schema, String sql) {
    try (Connection c = DriverManager.getConnection(url(schema), ENV.get("PGUSER"), ENV.get("PGPASSWORD"));
        Statement s = c.createStatement(); var r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }
}
