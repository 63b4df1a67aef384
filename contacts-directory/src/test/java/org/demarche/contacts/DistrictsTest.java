package org.demarche.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.demarche.core.model.Coordinate;
import org.demarche.core.model.Place;
import org.demarche.core.model.ServingMission;
import org.junit.jupiter.api.Test;

/** Consular districts that missions publish, regions plus areas, before distance (issue 14 items 5 and 6). */
class DistrictsTest {
  private final MissionDirectory bundled = ContactDirectories.bundled();

  private ServingMission serving(String region, double lat, double lon) {
    return bundled.servingMission("CN", new Place(region.substring(0, 2), Optional.of(region),
        Optional.of(new Coordinate(lat, lon)))).orElseThrow();
  }

  @Test
  void aPlaceInOntarioOutsideTheOttawaRegionGoesToToronto() {
    ServingMission kingston = serving("CA-ON", 44.2312, -76.4860);
    assertThat(kingston.mission().id()).isEqualTo("cn-cg-ca-toronto");
    assertThat(kingston.rule()).isEqualTo(ServingMission.Rule.JURISDICTION);
  }

  @Test
  void aPlaceInManitobaGoesToTorontoAlthoughCalgaryIsNearer() {
    ServingMission winnipeg = serving("CA-MB", 49.8951, -97.1384);
    assertThat(winnipeg.mission().id()).isEqualTo("cn-cg-ca-toronto");
    assertThat(winnipeg.rule()).isEqualTo(ServingMission.Rule.JURISDICTION);
  }

  @Test
  void ottawaAndGatineauGoToTheEmbassyByTheOttawaRegionArea() {
    assertThat(serving("CA-ON", 45.4215, -75.6972).mission().id()).isEqualTo("cn-embassy-ca-ottawa");
    ServingMission gatineau = serving("CA-QC", 45.4765, -75.7013);
    assertThat(gatineau.mission().id()).isEqualTo("cn-embassy-ca-ottawa");
    assertThat(gatineau.rule()).isEqualTo(ServingMission.Rule.JURISDICTION);
    assertThat(bundled.districtRule("CN", Place.at("CA", new Coordinate(45.4765, -75.7013))))
        .get().asString().contains("Ottawa Region (including Gatineau)").contains("cn-embassy-ca-ottawa");
  }

  @Test
  void aPlaceInQuebecOutsideGatineauGoesToMontreal() {
    assertThat(serving("CA-QC", 46.8139, -71.2080).mission().id()).isEqualTo("cn-cg-ca-montreal");
  }

  @Test
  void aPlaceInNovaScotiaGoesToTheEmbassyAlthoughMontrealIsNearer() {
    ServingMission halifax = serving("CA-NS", 44.6488, -63.5752);
    assertThat(halifax.mission().id()).isEqualTo("cn-embassy-ca-ottawa");
    assertThat(halifax.rule()).isEqualTo(ServingMission.Rule.JURISDICTION);
    assertThat(bundled.districtRule("CN", Place.region("CA-NS"))).get().asString()
        .contains("CA-NS").contains("ca.china-embassy.gov.cn");
  }

  @Test
  void usStatesGoToTheMissionOfTheJune2024Districts() {
    assertThat(bundled.servingMission("CN", Place.region("US-TX")).orElseThrow().mission().id())
        .isEqualTo("cn-embassy-us-washington-d-c");
    assertThat(bundled.servingMission("CN", Place.region("US-CO")).orElseThrow().mission().id())
        .as("Colorado moved from Chicago to Los Angeles in June 2024").isEqualTo("cn-cg-us-los-angeles");
    assertThat(bundled.servingMission("CN", Place.region("US-NE")).orElseThrow().mission().id())
        .as("Nebraska moved from the embassy to Chicago").isEqualTo("cn-cg-us-chicago");
    assertThat(bundled.servingMission("CN", Place.region("US-ID")).orElseThrow().mission().id())
        .isEqualTo("cn-cg-us-san-francisco");
    assertThat(bundled.servingMission("CN", Place.region("US-OH")).orElseThrow().mission().id())
        .isEqualTo("cn-cg-us-new-york-city");
    assertThat(bundled.servingMission("CN", Place.region("US-FL")).orElseThrow().rule())
        .isEqualTo(ServingMission.Rule.JURISDICTION);
  }

  @Test
  void dallasGoesToTheEmbassyNotToTheNearestConsulate() {
    ServingMission dallas = serving("US-TX", 32.7767, -96.7970);
    assertThat(dallas.mission().id()).isEqualTo("cn-embassy-us-washington-d-c");
    assertThat(dallas.rule()).isEqualTo(ServingMission.Rule.JURISDICTION);
  }

  @Test
  void californiaIsSplitAndTheNearerOfItsTwoConsulatesServes() {
    assertThat(serving("US-CA", 34.05, -118.24).mission().id()).isEqualTo("cn-cg-us-los-angeles");
    assertThat(serving("US-CA", 38.58, -121.49).mission().id()).isEqualTo("cn-cg-us-san-francisco");
  }

  @Test
  void aPlaceInACountryWithoutDistrictDataGoesByDistanceAndSaysSo() {
    Place hamburg = Place.at("DE", new Coordinate(53.5511, 9.9937));
    ServingMission s = bundled.servingMission("CN", hamburg).orElseThrow();
    assertThat(s.rule()).isEqualTo(ServingMission.Rule.DISTANCE);
    assertThat(s.distanceKm()).isPresent();
    assertThat(bundled.districtRule("CN", hamburg)).isEmpty();
  }
}
