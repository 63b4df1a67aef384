package org.demarche.core;

import org.demarche.core.model.Addressee;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.Coordinate;
import org.demarche.core.model.DeliverySettings;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.Envelope;
import org.demarche.core.model.Letter;
import org.demarche.core.model.LetterData;
import org.demarche.core.model.MessageIds;
import org.demarche.core.model.MissionKind;
import org.demarche.core.model.Petition;
import org.demarche.core.model.Place;
import org.demarche.core.model.PostalAddress;
import org.demarche.core.model.Receipt;
import org.demarche.core.model.RecipientSelection;
import org.demarche.core.model.Rendition;
import org.demarche.core.model.RetryPolicy;
import org.demarche.core.model.SafeNames;
import org.demarche.core.model.Sender;
import org.demarche.core.model.Signatories;
import org.demarche.core.model.Signatory;
import org.demarche.core.model.Signer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.demarche.core.contract.Fixtures;
import org.junit.jupiter.api.Test;

class ModelValidationTest {

  private static PostalAddress address(String country) {
    return new PostalAddress(List.of("1 Main Street"), "Tokyo", Optional.empty(), Optional.empty(), country, List.of());
  }

  @Test
  void anAddressWithoutStreetLinesHeadsALetterButCannotBePosted() {
    PostalAddress cityOnly = new PostalAddress(List.of(), "Tokyo", Optional.empty(), Optional.empty(), "JP", List.of());
    assertThat(cityOnly.isPostable()).isFalse();
    assertThat(cityOnly.printedLines()).containsExactly("Tokyo", "JAPAN");
  }

  @Test
  void aCountryIsAnAssignedIsoCode() {
    assertThatThrownBy(() -> address("Japan")).hasMessageContaining("ISO 3166-1 alpha-2");
    assertThatThrownBy(() -> address("QQ")).hasMessageContaining("'QQ'");
    assertThat(address("JP").country()).isEqualTo("JP");
  }

  @Test
  void aRegionIsAnIso31662Code() {
    assertThatThrownBy(() -> Place.region("JP27")).isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> new Place("JP", Optional.of("KR-26"), Optional.empty()))
        .hasMessageContaining("not in country JP");
  }

  @Test
  void namesRefuseLineBreaksAndOtherSeparators() {
    for (String bad : List.of("A\r\nBcc: x@example.org", "A\nB", "A\u2028B", "A\u0085B", "A\u0000B")) {
      assertThatThrownBy(() -> new Addressee(bad, "President", "Dear Mr. President:"))
          .as(bad).hasMessageContaining("addressee.name").hasMessageContaining("single line");
    }
  }

  @Test
  void anEmailIsValidated() {
    assertThatThrownBy(() -> new Sender("LFNKR", "LFNKR", address("JP"), "not-an-email", Optional.empty()))
        .hasMessageContaining("sender.email").hasMessageContaining("'not-an-email'");
  }

  @Test
  void aSenderWebAddressIsHttp() {
    assertThatThrownBy(() -> new Sender("LFNKR", "LFNKR", address("JP"), "a@example.org",
        Optional.of(URI.create("javascript:alert(1)")))).hasMessageContaining("http(s)");
  }

  @Test
  void aMissionIdIsLowerCaseWithHyphens() {
    assertThatThrownBy(() -> Fixtures.mission("CN_Osaka", MissionKind.CONSULATE_GENERAL, "X", "Osaka", List.of("1"), "1",
        "JP-27", Optional.empty(), new Coordinate(0, 0), Set.of())).hasMessageContaining("lower-case");
  }

  @Test
  void aMissionsJurisdictionLiesInItsHostCountry() {
    assertThatThrownBy(() -> Fixtures.mission("cn-cg-x", MissionKind.CONSULATE_GENERAL, "X", "Osaka", List.of("1"), "1",
        "JP-27", Optional.empty(), new Coordinate(0, 0), Set.of("KR-26"))).hasMessageContaining("not in the host country JP");
  }

  @Test
  void aCoordinateIsOnTheEarth() {
    assertThatThrownBy(() -> new Coordinate(91, 0)).hasMessageContaining("latitude");
    assertThatThrownBy(() -> new Coordinate(0, -181)).hasMessageContaining("longitude");
    assertThat(new Coordinate(43.06, 141.35).distanceKm(new Coordinate(35.68, 139.69))).isBetween(820.0, 840.0);
  }

  @Test
  void aLanguageIsABcp47Tag() {
    assertThatThrownBy(() -> new Petition("english", new Addressee("A", "B", "C"), "S", "Body", "Bye", Signer.of("A", "B"),
            java.time.LocalDate.of(2026, 9, 24), Map.of())).hasMessageContaining("BCP 47");
  }

  @Test
  void aFileNameCannotLeaveItsFolder() {
    for (String bad : List.of("../x.pdf", "/etc/passwd", ".hidden", "a/b.pdf", "con.pdf", "a\u0000.pdf", "A.PDF")) {
      assertThatThrownBy(() -> new Rendition(bad, "application/pdf", "en", new byte[1])).as(bad)
          .hasMessageContaining("plain file name");
    }
    assertThat(SafeNames.slug("../../Étrange Nom/..")).isEqualTo("etrange-nom");
  }

  @Test
  void aRenditionCannotBeChangedAfterItIsMade() {
    byte[] bytes = {1, 2, 3};
    Rendition r = new Rendition("a.pdf", "application/pdf", "en", bytes);
    bytes[0] = 9;
    r.content()[1] = 9;
    assertThat(r.content()).containsExactly(1, 2, 3);
  }

  @Test
  void retryBackoffGrowsAndIsCapped() {
    RetryPolicy p = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMinutes(1));
    assertThat(p.ceilingAfter(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.ceilingAfter(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(p.ceilingAfter(9)).isEqualTo(Duration.ofSeconds(8));
    assertThat(p.backoffAfter(3)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
        .hasMessageContaining("maxAttempts");
  }

  @Test
  void aSignatoryIsShownNoMoreThanItsLevelAndTheCapAllow() {
    Signatory s = new Signatory(Signatory.Kind.PERSON, "Hanako Yamada", Optional.of("LFNKR"), Optional.of("Osaka"),
        Optional.of("JP"), Optional.of("hanako@example.org"), Optional.empty(), Disclosure.FULL, Map.of());
    assertThat(s.displayed(Disclosure.FULL)).contains("Hanako Yamada, LFNKR, Osaka");
    assertThat(s.displayed(Disclosure.NAME_ONLY)).contains("Hanako Yamada");
    assertThat(s.displayed(Disclosure.INITIALS)).contains("H. Y.");
    assertThat(s.displayed(Disclosure.COUNTED_ONLY)).isEmpty();
  }

  @Test
  void messageIdsAreStablePerCampaignAndLetterAndRevealNoName() {
    String a = MessageIds.of("c", "cn-cg-jp-osaka", "example.org");
    assertThat(a).isEqualTo(MessageIds.of("c", "cn-cg-jp-osaka", "example.org"))
        .isNotEqualTo(MessageIds.of("c", "cn-cg-jp-sapporo", "example.org"))
        .doesNotContain("osaka").endsWith("@example.org");
  }

  private static Petition petition(Map<String, Petition.Translation> translations) {
    return new Petition("en", new Addressee("Xi Jinping", "President", "Dear Mr. President:"), "Subject", "Body",
        "Sincerely,", Signer.of("Hiroshi Kato", "Executive Director"), java.time.LocalDate.of(2026, 9, 24),
        translations);
  }

  private static DeliverySettings delivery(String language, List<String> attach) {
    return new DeliverySettings("outbox", "pdf", Map.of(), language, attach, RetryPolicy.defaults());
  }

  private static RecipientSelection toJapan() {
    return new RecipientSelection(List.of("bundled"), List.of(), Optional.of("CN"), Optional.of("JP"), Set.of());
  }

  @Test
  void aTranslationIsFiledUnderItsOwnLanguage() {
    Petition.Translation ja = new Petition.Translation("ja", "件名", "閣下", "本文", "敬具", true);
    assertThatThrownBy(() -> petition(Map.of("zh", ja))).hasMessageContaining("petition.translations.zh holds a ja text");
    assertThat(petition(Map.of("ja", ja)).translations()).containsKey("ja");
  }

  @Test
  void aPetitionNeedsABody() {
    assertThatThrownBy(() -> new Petition("en", new Addressee("A", "B", "C"), "S", "  \n ", "Bye", Signer.of("A", "B"),
        java.time.LocalDate.of(2026, 9, 24), Map.of())).hasMessageContaining("petition.body must not be empty");
  }

  @Test
  void aCampaignSendsOnlyALanguageItHasATextFor() {
    assertThatThrownBy(() -> new Campaign("c", Fixtures.sender(), petition(Map.of()), Signatories.none(),
        Disclosure.FULL, toJapan(), delivery("zh", List.of()), java.nio.file.Path.of("c.yaml")))
        .hasMessageContaining("delivery.language zh has no text");
    assertThatThrownBy(() -> new Campaign("c", Fixtures.sender(), petition(Map.of()), Signatories.none(),
        Disclosure.FULL, toJapan(), delivery("en", List.of("ja")), java.nio.file.Path.of("c.yaml")))
        .hasMessageContaining("delivery.attach names ja");
  }

  @Test
  void aSelectionNamesIdsOrAFilter() {
    assertThatThrownBy(() -> new RecipientSelection(List.of("bundled"), List.of(), Optional.empty(), Optional.empty(),
        Set.of())).hasMessageContaining("refused");
    assertThatThrownBy(() -> new RecipientSelection(List.of(), List.of("cn-cg-jp-osaka"), Optional.empty(),
        Optional.empty(), Set.of())).hasMessageContaining("at least one directory");
    assertThat(toJapan().matches(Fixtures.osaka())).isTrue();
  }

  @Test
  void aLetterNeedsAParagraphAndAValidReplyTo() {
    Letter l = Fixtures.letterTo(Fixtures.osaka());
    assertThatThrownBy(() -> new Letter(l.id(), l.campaignId(), l.sender(), l.mission(), l.addressee(), l.language(),
        l.date(), l.dateLine(), l.subject(), l.salutation(), List.of(), l.closing(), l.signer(), l.coSignatories(),
        l.disclosureCap(), false, Optional.empty())).hasMessageContaining("at least one paragraph");
    assertThatThrownBy(() -> new Letter(l.id(), l.campaignId(), l.sender(), l.mission(), l.addressee(), l.language(),
        l.date(), l.dateLine(), l.subject(), l.salutation(), l.paragraphs(), l.closing(), l.signer(), l.coSignatories(),
        l.disclosureCap(), false, Optional.of("a@b\r\nBcc: x@y.z"))).hasMessageContaining("replyTo");
  }

  @Test
  void aMissionNamesWhereItsFactsComeFrom() {
    DiplomaticMission m = Fixtures.osaka();
    assertThatThrownBy(() -> new DiplomaticMission(m.id(), m.kind(), m.name(), m.localName(), m.sendingState(),
        m.hostCountry(), m.city(), m.address(), m.email(), m.phone(), m.fax(), m.web(), m.jurisdiction(),
        m.jurisdictionCountries(), m.coordinate(), Map.of())).hasMessageContaining("entry 'mission'");
    assertThat(m.provenanceOf("email").source()).isEqualTo("test fixture");
  }

  @Test
  void anEnvelopeAndAReceiptRefuseLineBreaksInTheirIds() {
    Letter l = Fixtures.letterTo(Fixtures.osaka());
    Rendition pdf = new Rendition("a.pdf", "application/pdf", "en", new byte[1]);
    assertThatThrownBy(() -> new Envelope(l, pdf, List.of(), "id\r\nBcc: x@y.z@example.org"))
        .hasMessageContaining("messageId");
    assertThatThrownBy(() -> new Receipt("cn-cg-jp-osaka", "m@x", "smtp", java.time.Instant.now(), "ok\u0000"))
        .hasMessageContaining("control character");
  }

  @Test
  void aMissionKindIsReadFromItsKey() {
    assertThat(MissionKind.fromKey("Consulate-General")).isEqualTo(MissionKind.CONSULATE_GENERAL);
    assertThat(MissionKind.CONSULATE_GENERAL.key()).isEqualTo("consulate-general");
    assertThatThrownBy(() -> MissionKind.fromKey("palace")).hasMessageContaining("embassy, consulate-general");
  }

  @Test
  void aLetterDateIsWrittenForItsLanguage() {
    java.time.LocalDate d = java.time.LocalDate.of(2026, 9, 24);
    assertThat(LetterData.formatDate(d, "en")).isEqualTo("24 September 2026");
    assertThat(LetterData.formatDate(d, "ja")).isEqualTo("2026年9月24日");
    assertThat(LetterData.formatDate(d, "zh")).isEqualTo("2026年9月24日");
  }
}
