package org.demarche.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import org.demarche.core.model.Coordinate;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.MissionKind;
import org.demarche.core.model.Place;
import org.demarche.core.model.Provenance;
import org.demarche.core.model.ServingMission;
import org.demarche.core.spi.MissionQuery;
import org.junit.jupiter.api.Test;

class WorldStatesTest {
  private final MissionDirectory bundled = ContactDirectories.bundled();

  @Test
  void recipientsOfRussiaInGermanyAreTheEmbassyInBerlinAndTheConsulateGeneralInBonn() {
    assertThat(bundled.find(MissionQuery.all().sendingState("RU").hostCountry("DE")))
        .extracting(DiplomaticMission::id, DiplomaticMission::kind, DiplomaticMission::city)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ru-cg-de-bonn", MissionKind.CONSULATE_GENERAL, "Bonn"),
            org.assertj.core.groups.Tuple.tuple("ru-embassy-de-berlin", MissionKind.EMBASSY, "Berlin"));
  }

  @Test
  void nearestNorthKoreanMissionToAPlaceInSwedenIsItsEmbassyByDistance() {
    ServingMission s = bundled.servingMission("KP", Place.at("SE", new Coordinate(59.33, 18.07))).orElseThrow();
    assertThat(s.mission().id()).isEqualTo("kp-embassy-se-lidingo");
    assertThat(s.rule()).isEqualTo(ServingMission.Rule.DISTANCE);
  }

  @Test
  void anotherStatesMissionIsFoundByIdAndIsOpenDataUnconfirmed() {
    DiplomaticMission berlin = bundled.byId("ru-embassy-de-berlin").orElseThrow();
    assertThat(berlin.provenanceOf("mission").kind()).isEqualTo(Provenance.Kind.OPEN_DATA);
    assertThat(berlin.provenanceOf("mission").confirmed()).isFalse();
    assertThat(berlin.provenanceOf("mission").source()).startsWith("https://www.wikidata.org/wiki/Q");
  }

  @Test
  void everySendingStateOfTheExtractIsBundled() {
    assertThat(bundled.sendingStates()).hasSizeGreaterThan(180).contains("CN", "RU", "US", "KP", "DE", "JP");
    assertThat(bundled.allStates()).hasSizeGreaterThan(8000);
  }

  @Test
  void aQueryWithoutSendingStateStaysOnThePrcData() {
    assertThat(bundled.find(MissionQuery.all().hostCountry("KR"))).allMatch(m -> m.sendingState().equals("CN"));
  }
}
