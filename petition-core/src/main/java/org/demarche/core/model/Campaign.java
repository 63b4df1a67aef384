package org.demarche.core.model;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A petition campaign: who sends what to which missions, and how.
 *
 * @param id a stable id: the journal and the Message-IDs hang on it
 * @param sender the organization sending the letters
 * @param petition the petition's text and addressee
 * @param signatories the co-signatories (possibly none)
 * @param disclosureCap the most any co-signatory may be shown
 * @param recipients which missions receive a letter
 * @param delivery how the letters travel
 * @param file the campaign file it was loaded from (or a name, for a campaign built in code)
 * @param schedule when the letters should arrive; empty: they go when the campaign runs
 */
public record Campaign(
    String id, Sender sender, Petition petition, Signatories signatories, Disclosure disclosureCap,
    RecipientSelection recipients, DeliverySettings delivery, Path file, Optional<Schedule> schedule) {

  /** A campaign without a schedule: its letters go when it runs. */
  public Campaign(String id, Sender sender, Petition petition, Signatories signatories, Disclosure disclosureCap,
      RecipientSelection recipients, DeliverySettings delivery, Path file) {
    this(id, sender, petition, signatories, disclosureCap, recipients, delivery, file, Optional.empty());
  }

  public Campaign {
    Objects.requireNonNull(schedule, "schedule");
    id = Values.id(id, "id");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(petition, "petition");
    Objects.requireNonNull(signatories, "signatories");
    Objects.requireNonNull(disclosureCap, "disclosureCap");
    Objects.requireNonNull(recipients, "recipients");
    Objects.requireNonNull(delivery, "delivery");
    Objects.requireNonNull(file, "file");
    if (!delivery.sendLanguage().equals(petition.language())
        && !petition.translations().containsKey(delivery.sendLanguage())) {
      throw new IllegalArgumentException("delivery.language " + delivery.sendLanguage()
          + " has no text: add it under petition.translations or use " + petition.language());
    }
    for (String tag : delivery.attachLanguages()) {
      if (!petition.translations().containsKey(tag) && !tag.equals(petition.language())) {
        throw new IllegalArgumentException("delivery.attach names " + tag + ", which has no text under petition.translations");
      }
    }
  }

  /** The folder the campaign's relative paths resolve against. */
  public Path baseDir() {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of(".").toAbsolutePath() : parent;
  }
}
