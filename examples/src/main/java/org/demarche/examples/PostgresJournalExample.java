package org.demarche.examples;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.demarche.contacts.ContactsPlugin;
import org.demarche.core.Demarche;
import org.demarche.core.RunOptions;
import org.demarche.core.RunReport;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.PostalAddress;
import org.demarche.deliver.email.EmailPlugin;
import org.demarche.journal.postgres.PostgresJournal;
import org.demarche.journal.postgres.PostgresJournals;
import org.demarche.render.pdf.PdfPlugin;

/**
 * An app that builds its campaign in code and sends it over SMTP, journaled in PostgreSQL: any number of its workers
 * may call this at once, and each letter is still sent once. Credentials come from {@code env} (PGUSER, PGPASSWORD).
 * The README shows the lines between the {@code readme:} markers, as they are (a test checks).
 */
public final class PostgresJournalExample {
  private PostgresJournalExample() {}

  public static RunReport send(String jdbcUrl, Map<String, String> env, Map<String, String> smtp, Path outbox) {
    // readme:begin
    Demarche demarche = Demarche.builder()
        .install(new ContactsPlugin()).install(new PdfPlugin()).install(new EmailPlugin()).build();
    Campaign campaign = demarche.newCampaign("action-day-2026")
        .date(LocalDate.of(2026, 9, 24))
        .sender("Life Funds for North Korean Refugees", "info@lfnkr.example.org",
            PostalAddress.of(List.of("1-2-3 Example"), "Tokyo", "160-0000", "JP"))
        .addressee("Xi Jinping", "President of the People's Republic of China", "Dear Mr. President:")
        .subject("Petition via {{mission.city}}")
        .body("We write through the {{mission.name}} on {{date}}.\n\nWe ask you to end forced repatriation.")
        .signedBy("Hiroshi Kato", "Executive Director")
        .select("CN", "JP")                    // the PRC's embassy and consulates-general in Japan
        .channel("smtp", smtp)                 // host, port, tls, username; the password from the environment
        .build();                              // every problem at once (InvalidInputException), before any sending
    try (PostgresJournals db = PostgresJournals.connect(jdbcUrl, env);
        PostgresJournal journal = db.open(campaign.id(), "smtp")) {
      return demarche.run(campaign, RunOptions.outbox(outbox).withJournal(journal));
    }
    // readme:end
  }
}
