package org.demarche.core.model;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The petition every letter of a campaign carries.
 *
 * <p>{@code subject}, {@code addressee.salutation()} and {@code body} are Mustache templates over the
 * letter's data (see {@link LetterData}); they are checked when the campaign is loaded.
 *
 * @param language BCP 47 tag of the letter's language
 * @param addressee who the petition is addressed to
 * @param subject the subject line template
 * @param body the body template: paragraphs separated by blank lines
 * @param closing the complimentary close, e.g. "Sincerely,"
 * @param signedBy who signs it
 * @param date the date the letters carry
 * @param translations further versions of the body by language tag (attached, or sent instead)
 */
public record Petition(
    String language,
    Addressee addressee,
    String subject,
    String body,
    String closing,
    Signer signedBy,
    LocalDate date,
    Map<String, Translation> translations) {

  public Petition {
    language = Values.language(language, "petition.language");
    Objects.requireNonNull(addressee, "petition.addressee");
    subject = Values.line(subject, "petition.subject");
    body = Values.text(body, "petition.body");
    if (body.isBlank()) {
      throw new IllegalArgumentException("petition.body must not be empty");
    }
    closing = Values.line(closing, "petition.closing");
    Objects.requireNonNull(signedBy, "petition.signedBy");
    Objects.requireNonNull(date, "petition.date");
    translations = Map.copyOf(Objects.requireNonNull(translations, "petition.translations"));
    translations.forEach((tag, t) -> {
      Values.language(tag, "petition.translations");
      if (!tag.equals(t.language())) {
        throw new IllegalArgumentException("petition.translations." + tag + " holds a " + t.language() + " text");
      }
    });
  }

  /**
   * A version of the petition in another language.
   *
   * @param language BCP 47 tag
   * @param subject the subject template in that language
   * @param salutation the salutation template in that language
   * @param body the body template in that language
   * @param closing the complimentary close in that language
   * @param draft true when the translation was marked a draft (machine-made, or not yet read by a speaker)
   * @param wording the translation's own names and letter conventions (keys of {@link LetterWording#NAME_KEYS}
   *     and {@link LetterConventions#KEYS}), over the campaign's names and the language's bundled conventions
   * @param reviewedBy who reviewed the draft, if anyone did
   * @param reviewedOn when it was reviewed
   */
  public record Translation(
      String language, String subject, String salutation, String body, String closing, boolean draft,
      Map<String, String> wording, Optional<String> reviewedBy, Optional<LocalDate> reviewedOn) {

    /** A translation with the campaign's names, the bundled conventions, and no review. */
    public Translation(String language, String subject, String salutation, String body, String closing,
        boolean draft) {
      this(language, subject, salutation, body, closing, draft, Map.of(), Optional.empty(), Optional.empty());
    }

    /** Whether the translation is a draft nobody has reviewed: it may be previewed, not sent or attached. */
    public boolean awaitingReview() {
      return draft && (reviewedBy.isEmpty() || reviewedOn.isEmpty());
    }

    public Translation {
      wording = Map.copyOf(Objects.requireNonNull(wording, "translation.wording"));
      Objects.requireNonNull(reviewedBy, "translation.reviewedBy");
      Objects.requireNonNull(reviewedOn, "translation.reviewedOn");
      reviewedBy = Values.line(reviewedBy, "translation.reviewedBy");
      language = Values.language(language, "translation.language");
      subject = Values.line(subject, "translation.subject");
      salutation = Values.line(salutation, "translation.salutation");
      body = Values.text(body, "translation.body");
      if (body.isBlank()) {
        throw new IllegalArgumentException("translation.body must not be empty");
      }
      closing = Values.line(closing, "translation.closing");
    }
  }
}
