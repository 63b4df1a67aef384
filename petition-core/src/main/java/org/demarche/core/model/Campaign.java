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
 * @param source where it came from: a file, or (read from a stream, built in code) only a name
 * @param schedule when the letters should arrive; empty: they go when the campaign runs
 */
public record Campaign(
    String id, Sender sender, Petition petition, Signatories signatories, Disclosure disclosureCap,
    RecipientSelection recipients, DeliverySettings delivery, CampaignSource source, Optional<Schedule> schedule) {

  /** A campaign without a schedule: its letters go when it runs. */
  public Campaign(String id, Sender sender, Petition petition, Signatories signatories, Disclosure disclosureCap,
      RecipientSelection recipients, DeliverySettings delivery, CampaignSource source) {
    this(id, sender, petition, signatories, disclosureCap, recipients, delivery, source, Optional.empty());
  }

  /** A campaign loaded from {@code file}, without a schedule. */
  public Campaign(String id, Sender sender, Petition petition, Signatories signatories, Disclosure disclosureCap,
      RecipientSelection recipients, DeliverySettings delivery, Path file) {
    this(id, sender, petition, signatories, disclosureCap, recipients, delivery, CampaignSource.of(file));
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
    Objects.requireNonNull(source, "source");
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

  /**
   * The campaign file it was loaded from.
   *
   * @throws IllegalStateException for a campaign read from a stream or built in code, which has none: use
   *     {@link #source()} or {@link #folder()}
   */
  public Path file() {
    return source.file().orElseThrow(() -> noFile());
  }

  /**
   * The folder the campaign's relative paths resolve against.
   *
   * @throws IllegalStateException for a campaign read from a stream or built in code, which has none
   */
  public Path baseDir() {
    return folder().orElseThrow(() -> noFile());
  }

  /** The campaign file's folder; empty for a campaign read from a stream or built in code. */
  public Optional<Path> folder() {
    return source.folder();
  }

  private IllegalStateException noFile() {
    return new IllegalStateException("the campaign " + id + " (" + source.name()
        + ") was not loaded from a file, so it has no file or folder");
  }
}
