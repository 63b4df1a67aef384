package org.demarche.journal.postgres;

import org.demarche.core.contract.DeliveryJournalContract;
import org.demarche.core.spi.DeliveryJournal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The journal in PostgreSQL keeps the contract of every journal (a fresh schema for each test). */
class PostgresJournalContractTest extends DeliveryJournalContract {
  private String schema;
  private PostgresJournals journals;

  @BeforeEach
  void connect() {
    schema = TestDatabase.freshSchema();
    journals = PostgresJournals.connect(TestDatabase.url(schema), TestDatabase.ENV);
  }

  @AfterEach
  void drop() {
    if (journals != null) {
      journals.close();
    }
    if (schema != null) {
      TestDatabase.drop(schema);
    }
  }

  @Override
  protected DeliveryJournal open(String campaignId) {
    return journals.open(campaignId, "smtp");
  }
}
