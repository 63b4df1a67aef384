package org.demarche.examples;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.demarche.contacts.ContactsPlugin;
import org.demarche.core.Demarche;
import org.demarche.core.RunOptions;
import org.demarche.core.RunReport;
import org.demarche.core.model.Addressee;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.DeliverySettings;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Petition;
import org.demarche.core.model.PostalAddress;
import org.demarche.core.model.RecipientSelection;
import org.demarche.core.model.RetryPolicy;
import org.demarche.core.model.Sender;
import org.demarche.core.model.Settings;
import org.demarche.core.model.Signatories;
import org.demarche.core.model.Signer;
import org.demarche.deliver.email.EmailPlugin;
import org.demarche.journal.postgres.PostgresJournal;
import org.demarche.journal.postgres.PostgresJournals;
import org.demarche.render.pdf.PdfPlugin;

/**
 * An app that builds its campaign in code and sends it over SMTP, journaled in PostgreSQL: any number of its workers
 * may call this at once, and each letter is still sent once. Credentials come from {@code env} (PGUSER, PGPASSWORD).
 */
public final class PostgresJournalExample {
  private PostgresJournalExample() {}

  public static RunReport send(String jdbcUrl, Map<String, String> env, Map<String, String> smtp, Path outbox) {
    Demarche demarche = Demarche.builder()
        .install(new ContactsPlugin()).install(new PdfPlugin()).install(new EmailPlugin()).build();
    Sender ngo = new Sender("Life Funds for North Korean Refugees", "LFNKR", new PostalAddress(List.of("1-2-3 Example"),
        "Tokyo", Optional.empty(), Optional.of("160-0000"), "JP", List.of()), "info@lfnkr.example.org", Optional.empty());
    Petition petition = new Petition("en",
        new Addressee("Xi Jinping", "President of the People's Republic of China", "Dear Mr. President:"),
        "Petition via {{mission.city}}", "We write through the {{mission.name}} on {{date}}.\n\n"
            + "We ask you to end forced repatriation.", "Sincerely,", Signer.of("Hiroshi Kato", "Executive Director"),
        LocalDate.of(2026, 9, 24), Map.of());
    Campaign campaign = new Campaign("action-day-2026", ngo, petition, Signatories.none(), Disclosure.FULL,
        new RecipientSelection(List.of("bundled"), List.of(), Optional.of("CN"), Optional.of("JP"), Set.of()),
        new DeliverySettings("smtp", "pdf", Map.of("smtp", Settings.of("delivery.smtp", smtp)), "en", List.of(),
            RetryPolicy.defaults()), Path.of("action-day-2026"));
    var problems = demarche.check(campaign);            // every problem at once, before anything is sent
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    try (PostgresJournals db = PostgresJournals.connect(jdbcUrl, env);
        PostgresJournal journal = db.open(campaign.id(), "smtp")) {
      return demarche.run(campaign, RunOptions.outbox(outbox).withJournal(journal));
    }
  }
}
