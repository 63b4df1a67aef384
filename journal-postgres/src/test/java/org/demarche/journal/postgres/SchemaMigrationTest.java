package org.demarche.journal.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bringing the journal's schema up to date when an app's workers all start at once. */
class SchemaMigrationTest {
  private String schema;

  @BeforeEach
  void schema() {
    schema = TestDatabase.freshSchema();
  }

  @AfterEach
  void drop() {
    TestDatabase.drop(schema);
  }

  @Test
  void workersStartingTogetherOnAFreshSchemaEachFindItUpToDate() throws Exception {
    int workers = 6;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      List<Future<?>> opened = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        opened.add(pool.submit(() -> {
          start.await();
          try (PostgresJournals journals = PostgresJournals.connect(TestDatabase.url(schema), TestDatabase.ENV)) {
            return null;
          }
        }));
      }
      start.countDown();
      for (Future<?> f : opened) {
        f.get(60, TimeUnit.SECONDS); // throws what a worker met, e.g. Flyway's "already exists, and is empty"
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(TestDatabase.count(schema, "SELECT count(*) FROM demarche_schema_history WHERE success"))
        .as("each migration applied once").isEqualTo(
            TestDatabase.count(schema, "SELECT count(DISTINCT version) FROM demarche_schema_history"));
  }
}
