package org.demarche.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.demarche.contacts.internal.Regions;
import org.demarche.core.model.Coordinate;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.MissionKind;
import org.demarche.core.model.Place;
import org.demarche.core.model.Provenance;
import org.demarche.core.model.ServingMission;
import org.demarche.core.contract.ContactDirectoryContract;
import org.demarche.core.spi.ContactDirectory;
import org.demarche.core.spi.MissionQuery;
import org.junit.jupiter.api.Test;

class BundledDirectoryTest extends ContactDirectoryContract {
  static final List<String> JAPAN = List.of("cn-embassy-jp-tokyo", "cn-cg-jp-osaka", "cn-cg-jp-fukuoka",
      "cn-cg-jp-sapporo", "cn-cg-jp-nagasaki", "cn-cg-jp-nagoya", "cn-cg-jp-niigata");

  @Override
  protected ContactDirectory directory() {
    return ContactDirectories.bundled();
  }

  private static DiplomaticMission mission(String id) {
    return ContactDirectories.bundled().byId(id).orElseThrow();
  }

  private static ServingMission serving(Place place) {
    return ContactDirectories.bundled().servingMission("CN", place).orElseThrow();
  }

  @Test
  void holdsTheSevenPrcMissionsInJapanWithCompleteAddresses() {
    List<DiplomaticMission> japan = ContactDirectories.bundled()
        .find(MissionQuery.all().sendingState("CN").hostCountry("JP"));
    assertThat(japan).extracting(DiplomaticMission::id).containsExactlyInAnyOrderElementsOf(JAPAN);
    for (DiplomaticMission m : japan) {
      assertThat(MissionDirectory.hasStreetAddress(m)).as(m.id()).isTrue();
      assertThat(m.address().postalCode()).as(m.id()).get().asString().matches("\\d{3}-\\d{4}");
      assertThat(m.address().region()).as(m.id()).isPresent();
      assertThat(m.address().localLines()).as(m.id()).hasSize(2).first().asString().startsWith("〒");
      assertThat(m.localName()).as(m.id()).isPresent();
      assertThat(m.phone()).as(m.id()).isPresent();
      assertThat(m.web()).as(m.id()).isPresent();
      assertThat(m.coordinate()).as(m.id()).isPresent();
      assertThat(m.provenanceOf("address").checkedOn()).as(m.id()).isNotNull();
    }
    assertThat(mission("cn-embassy-jp-tokyo").kind()).isEqualTo(MissionKind.EMBASSY);
    assertThat(mission("cn-cg-jp-osaka").address().printedLines())
        .containsExactly("3-9-2 Utsubohonmachi, Nishi-ku", "Osaka 550-0004", "JAPAN");
  }

  @Test
  void theSevenJurisdictionsPartitionThe47Prefectures() {
    Map<String, String> owner = new HashMap<>();
    for (String id : JAPAN) {
      for (String region : mission(id).jurisdiction()) {
        assertThat(owner.put(region, id)).as(region + " is claimed twice").isNull();
      }
    }
    Set<String> all = new TreeSet<>();
    for (int i = 1; i <= 47; i++) {
      all.add(String.format("JP-%02d", i));
    }
    assertThat(owner.keySet()).containsExactlyInAnyOrderElementsOf(all);
  }

  @Test
  void everyPrefectureIsServedByTheMissionWhoseJurisdictionNamesIt() {
    for (Regions.Region r : Regions.bundled().of("JP")) {
      ServingMission s = serving(Place.region(r.code()));
      assertThat(s.rule()).isEqualTo(ServingMission.Rule.JURISDICTION);
      assertThat(s.mission().jurisdiction()).as(r.code()).contains(r.code());
      assertThat(s.region()).contains(r.code());
    }
  }

  @Test
  void everyPrefecturalOfficeCoordinateFallsInItsOwnPrefecture() {
    for (Regions.Region r : Regions.bundled().of("JP")) {
      assertThat(Regions.bundled().regionAt("JP", r.office())).contains(r.code());
    }
  }

  @Test
  void aCoordinateInHokkaidoIsServedBySapporo() {
    ServingMission s = serving(Place.at("JP", new Coordinate(43.33, 145.58))); // Nemuro, eastern Hokkaido
    assertThat(s.mission().id()).isEqualTo("cn-cg-jp-sapporo");
    assertThat(s.region()).contains("JP-01");
    assertThat(s.rule()).isEqualTo(ServingMission.Rule.JURISDICTION);
  }

  @Test
  void hakodateIsPlacedInHokkaidoEvenThoughAomoriOfficeIsNearer() {
    assertThat(Regions.bundled().regionAt("JP", new Coordinate(41.77, 140.73))).contains("JP-01");
  }

  @Test
  void aCoordinateInNagasakiCityIsServedByNagasaki() {
    ServingMission s = serving(Place.at("JP", new Coordinate(32.75, 129.88)));
    assertThat(s.mission().id()).isEqualTo("cn-cg-jp-nagasaki");
    assertThat(s.distanceKm()).get().satisfies(km -> assertThat(km).isLessThan(5));
  }

  @Test
  void akitaIsServedBySapporoByJurisdictionThoughNiigataIsNearer() {
    Coordinate akita = new Coordinate(39.72, 140.10);
    ServingMission s = serving(Place.at("JP", akita));
    assertThat(s.mission().id()).isEqualTo("cn-cg-jp-sapporo");
    assertThat(s.rule()).isEqualTo(ServingMission.Rule.JURISDICTION);
    assertThat(s.region()).contains("JP-05");
    double toNiigata = mission("cn-cg-jp-niigata").coordinate().orElseThrow().distanceKm(akita);
    assertThat(s.distanceKm()).get().satisfies(km -> assertThat(km).isGreaterThan(toNiigata));
  }

  @Test
  void japanWithoutRegionOrCoordinateGoesToTheEmbassy() {
    ServingMission s = serving(new Place("JP", Optional.empty(), Optional.empty()));
    assertThat(s.mission().id()).isEqualTo("cn-embassy-jp-tokyo");
    assertThat(s.rule()).isEqualTo(ServingMission.Rule.EMBASSY_OF_COUNTRY);
  }

  @Test
  void seoulBusanLondonAndTorontoFindTheirPrcMissionByDistance() {
    assertThat(serving(Place.at("KR", new Coordinate(37.5665, 126.9780))).mission().id())
        .isEqualTo("cn-embassy-kr-seoul");
    ServingMission busan = serving(Place.at("KR", new Coordinate(35.1796, 129.0756)));
    assertThat(busan.mission().id()).isEqualTo("cn-cg-kr-busan");
    assertThat(busan.mission().kind()).isEqualTo(MissionKind.CONSULATE_GENERAL);
    assertThat(busan.rule()).isEqualTo(ServingMission.Rule.DISTANCE);
    assertThat(serving(Place.at("GB", new Coordinate(51.5074, -0.1278))).mission().id())
        .isEqualTo("cn-embassy-gb-london");
    assertThat(serving(Place.at("CA", new Coordinate(43.6532, -79.3832))).mission().id())
        .isEqualTo("cn-cg-ca-toronto");
  }

  @Test
  void aCountryWithoutCoordinateFallsBackToTheEmbassy() {
    ServingMission s = serving(new Place("GB", Optional.empty(), Optional.empty()));
    assertThat(s.mission().id()).isEqualTo("cn-embassy-gb-london");
    assertThat(s.rule()).isEqualTo(ServingMission.Rule.EMBASSY_OF_COUNTRY);
  }

  @Test
  void aCountryWithoutAnyPrcMissionGetsTheNearestOneAnywhere() {
    // Bahrain's embassy has no city in the snapshot and is left out: the nearest PRC mission answers.
    ServingMission s = serving(Place.at("BH", new Coordinate(26.2235, 50.5876)));
    assertThat(s.rule()).isEqualTo(ServingMission.Rule.DISTANCE);
    assertThat(s.mission().hostCountry()).isNotEqualTo("BH");
  }

  @Test
  void anUnknownSendingStateHasNoServingMission() {
    // Issue 14 bundles every sending state, Zimbabwe (ZW, the former example) included: Antarctica sends none.
    assertThat(ContactDirectories.bundled().servingMission("AQ", Place.region("JP-13"))).isEmpty();
  }

  @Test
  void anUnconfirmedEmailIsKeptAsACandidateAndNeverExposed() {
    DiplomaticMission osaka = mission("cn-cg-jp-osaka");
    assertThat(osaka.email()).isEmpty();
    assertThat(ContactDirectories.bundled().candidates("cn-cg-jp-osaka"))
        .anySatisfy(c -> {
          assertThat(c.fact()).isEqualTo("email");
          assertThat(c.value()).isEqualTo("chinaconsul_osa_jp@mfa.gov.cn");
          assertThat(c.provenance().confirmed()).isFalse();
        });
    // Issue 14: the Sapporo email was marked confirmed from a page the project never read; it is a candidate now.
    assertThat(mission("cn-cg-jp-sapporo").email()).isEmpty();
    assertThat(ContactDirectories.bundled().candidates("cn-cg-jp-sapporo")).extracting(Candidate::value)
        .contains("sapporo@csm.mfa.gov.cn");
    assertThat(mission("cn-cg-jp-niigata").email()).contains("chinaconsul_nii_jp@mfa.gov.cn");
    assertThat(mission("cn-cg-jp-niigata").provenanceOf("email").kind()).isEqualTo(Provenance.Kind.OFFICIAL);
  }

  @Test
  void worldwideEmailsFromWikidataAreCandidatesOnly() {
    DiplomaticMission seoul = mission("cn-embassy-kr-seoul");
    assertThat(seoul.email()).isEmpty();
    assertThat(ContactDirectories.bundled().candidates(seoul.id())).extracting(Candidate::value)
        .contains("chinaemb_kr@mfa.gov.cn");
  }

  @Test
  void aMissionWithoutStreetAddressIsMarkedUnpostable() {
    // Issue 14 gave the Seoul embassy a (sourced) street address; Gwangju still has none.
    DiplomaticMission gwangju = mission("cn-cg-kr-gwangju");
    assertThat(MissionDirectory.hasStreetAddress(gwangju)).isFalse();
    assertThat(gwangju.provenanceOf("address").confirmed()).isFalse();
    assertThat(gwangju.provenanceOf("mission").source()).isEqualTo("https://www.wikidata.org/wiki/Q106297455");
  }

  @Test
  void bundledCorrectionsAddCitedFactsOverTheSnapshot() {
    DiplomaticMission busan = mission("cn-cg-kr-busan");
    assertThat(busan.address().lines()).containsExactly("25 Haeundae-ro 394beon-gil, Haeundae-gu");
    assertThat(busan.provenanceOf("address").source()).contains("grandculture.net");
    assertThat(busan.provenanceOf("mission").source()).contains("Q99540292");
    assertThat(mission("cn-cg-ca-toronto").email()).contains("chinaconsul_tor_ca@mfa.gov.cn");
  }

  @Test
  void findsByKindHostCountryAndRegion() {
    ContactDirectory d = ContactDirectories.bundled();
    assertThat(d.find(MissionQuery.all().sendingState("CN").region("JP-27")))
        .extracting(DiplomaticMission::id).containsExactly("cn-cg-jp-osaka");
    assertThat(d.find(MissionQuery.all().hostCountry("JP").kinds(Set.of(MissionKind.EMBASSY))))
        .extracting(DiplomaticMission::id).containsExactly("cn-embassy-jp-tokyo");
    assertThat(d.find(MissionQuery.all().hostCountry("KR"))).hasSize(4);
    assertThat(d.missions()).hasSizeGreaterThan(130);
  }

  @Test
  void searchIsCaseAndAccentInsensitiveInLatinAndJapanese() {
    ContactDirectory d = ContactDirectories.bundled();
    assertThat(d.search("OSAKA")).extracting(DiplomaticMission::id).containsExactly("cn-cg-jp-osaka");
    assertThat(d.search("大阪")).extracting(DiplomaticMission::id).containsExactly("cn-cg-jp-osaka");
    assertThat(d.search("ＳＡＰＰＯＲＯ")).extracting(DiplomaticMission::id).containsExactly("cn-cg-jp-sapporo");
    assertThat(d.search("dusseldorf")).extracting(DiplomaticMission::id).containsExactly("cn-cg-de-dusseldorf");
    assertThat(d.search("consulate toronto")).extracting(DiplomaticMission::id).containsExactly("cn-cg-ca-toronto");
    assertThat(d.search("no such place")).isEmpty();
  }

  @Test
  void theBundledDirectoryIsParsedOnceAndShared() {
    assertThat(ContactDirectories.bundled()).isSameAs(ContactDirectories.bundled());
  }
}
