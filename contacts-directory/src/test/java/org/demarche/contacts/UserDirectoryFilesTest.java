package org.demarche.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Location;
import org.demarche.core.model.Place;
import org.demarche.core.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserDirectoryFilesTest {
  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private InvalidInputException failure(List<String> layers) {
    return catchThrowableOfType(InvalidInputException.class, () -> ContactDirectories.open(layers, dir));
  }

  private static final String OSAKA_EMAIL = """
      {
        "missions": [
          {
            "id": "cn-cg-jp-osaka",
            "email": "osaka@csm.mfa.gov.cn",
            "sources": { "email": { "source": "letter from the consulate, 2026-10-01", "checkedOn": "2026-11-28" } }
          }
        ]
      }
      """;

  @Test
  void overridingOneMissionsEmailChangesItAndLeavesTheOtherSixUntouched() throws IOException {
    write("corrections.json", OSAKA_EMAIL);
    MissionDirectory corrected = ContactDirectories.open(List.of("bundled", "corrections.json"), dir);
    DiplomaticMission osaka = corrected.byId("cn-cg-jp-osaka").orElseThrow();
    assertThat(osaka.email()).contains("osaka@csm.mfa.gov.cn");
    assertThat(osaka.provenanceOf("email").source()).isEqualTo("letter from the consulate, 2026-10-01");
    DiplomaticMission before = ContactDirectories.bundled().byId("cn-cg-jp-osaka").orElseThrow();
    assertThat(osaka.address()).isEqualTo(before.address());
    assertThat(osaka.provenanceOf("mission")).isEqualTo(before.provenanceOf("mission"));
    for (String id : BundledDirectoryTest.JAPAN) {
      if (!id.equals("cn-cg-jp-osaka")) {
        assertThat(corrected.byId(id)).contains(ContactDirectories.bundled().byId(id).orElseThrow());
      }
    }
    assertThat(corrected.missions()).hasSameSizeAs(ContactDirectories.bundled().missions());
  }

  @Test
  void aCsvCorrectionSuppliesTheStreetAddressTheSnapshotLacks() throws IOException {
    write("seoul.csv", """
        id,address.lines,address.postalCode,source,checkedOn
        cn-embassy-kr-seoul,"27 Myeongdong 2-gil, Jung-gu",04538,NGO staff visit,2026-11-20
        """);
    MissionDirectory d = ContactDirectories.open(List.of("bundled", "seoul.csv"), dir);
    DiplomaticMission seoul = d.byId("cn-embassy-kr-seoul").orElseThrow();
    assertThat(MissionDirectory.hasStreetAddress(seoul)).isTrue();
    assertThat(seoul.address().printedLines()).containsExactly("27 Myeongdong 2-gil, Jung-gu", "Seoul 04538",
        "SOUTH KOREA");
    assertThat(seoul.provenanceOf("address").source()).isEqualTo("NGO staff visit");
  }

  @Test
  void aCompleteCsvFileIsADirectoryOfItsOwn() throws IOException {
    Path file = write("missions.csv", """
        id,kind,name,sendingState,hostCountry,city,address.lines,address.postalCode,email,latitude,longitude,jurisdiction,source,checkedOn
        kp-embassy-de-berlin,embassy,Embassy of the DPRK in Germany,KP,DE,Berlin,Glinkastraße 5-7,10117,,52.5133,13.3838,,https://example.org/dprk,2026-11-28
        xx-test-jp-osaka,consulate-general,Test Consulate in Osaka,US,JP,Osaka,2-11-5 Nishitenma,530-8543,osaka@test.example.org,34.6977,135.5069,JP-27|JP-28,https://example.org/us,2026-11-28
        """);
    MissionDirectory d = ContactDirectories.fromFile(file);
    assertThat(d.missions()).extracting(DiplomaticMission::id).containsExactly("kp-embassy-de-berlin",
        "xx-test-jp-osaka");
    assertThat(d.search("glinkastrasse")).isEmpty();
    assertThat(d.search("berlin")).hasSize(1);
    assertThat(d.servingMission("US", Place.region("JP-28")).orElseThrow().mission().id()).isEqualTo("xx-test-jp-osaka");
  }

  @Test
  void aBadEmailIsReportedWithFileLineAndField() throws IOException {
    write("bad.json", """
        {
          "missions": [
            {
              "id": "cn-cg-jp-osaka",
              "email": "osaka at consulate",
              "sources": { "mission": { "source": "x", "checkedOn": "2026-11-28" } }
            }
          ]
        }
        """);
    assertThat(failure(List.of("bundled", "bad.json")).problems()).singleElement().satisfies(p -> {
      assertThat(p.location()).isEqualTo(new Location("bad.json", 5, 7));
      assertThat(p.field()).isEqualTo("email");
      assertThat(p.message()).contains("must be an email address", "'osaka at consulate'");
    });
  }

  @Test
  void anUnknownCountryCodeIsReportedWithFileLineAndField() throws IOException {
    write("bad.csv", """
        id,kind,name,sendingState,hostCountry,city,address.lines,source,checkedOn
        cn-cg-xx-nowhere,consulate-general,Consulate in Nowhere,CN,XY,Nowhere,1 Main Street,test,2026-11-28
        """);
    Problem p = failure(List.of("bad.csv")).problems().get(0);
    assertThat(p.location().file()).isEqualTo("bad.csv");
    assertThat(p.location().line()).isEqualTo(2);
    assertThat(p.field()).isEqualTo("hostCountry");
    assertThat(p.message()).contains("ISO 3166-1", "'XY'");
  }

  @Test
  void aDuplicateIdIsReportedOnItsSecondLine() throws IOException {
    write("dup.csv", """
        id,email,source,checkedOn
        cn-cg-jp-osaka,a@example.org,test,2026-11-28
        cn-cg-jp-nagoya,b@example.org,test,2026-11-28
        cn-cg-jp-osaka,c@example.org,test,2026-11-28
        """);
    assertThat(failure(List.of("bundled", "dup.csv")).problems()).singleElement().satisfies(p -> {
      assertThat(p.location().line()).isEqualTo(4);
      assertThat(p.field()).isEqualTo("id");
      assertThat(p.message()).contains("duplicate id cn-cg-jp-osaka", "line 2");
    });
  }

  @Test
  void aMissingRequiredFieldOfANewMissionIsReportedAtItsRecord() throws IOException {
    write("new.json", """
        {"missions": [
          {"id": "cn-cg-jp-okinawa", "kind": "consulate-general", "sendingState": "CN", "hostCountry": "JP",
           "city": "Naha", "address": {"lines": ["1-1 Example"]},
           "sources": {"mission": {"source": "test", "checkedOn": "2026-11-28"}}}
        ]}
        """);
    assertThat(failure(List.of("bundled", "new.json")).problems()).singleElement().satisfies(p -> {
      assertThat(p.location().file()).isEqualTo("new.json");
      assertThat(p.location().line()).isEqualTo(2);
      assertThat(p.field()).isEqualTo("name");
      assertThat(p.message()).contains("missing");
    });
  }

  @Test
  void everyProblemInEveryFileIsReportedAtOnce() throws IOException {
    write("a.json", """
        {"missions": [
          {"id": "cn-cg-jp-osaka", "email": "nope", "sources": {"mission": {"source": "t", "checkedOn": "2026-11-28"}}},
          {"id": "cn-cg-jp-nagoya", "hostCountry": "ZZ", "sources": {"mission": {"source": "t", "checkedOn": "2026-11-28"}}},
          {"id": "cn-cg-jp-nagoya", "phone": "+81", "sources": {"mission": {"source": "t", "checkedOn": "2026-11-28"}}}
        ]}
        """);
    write("b.csv", """
        id,kind,name,sendingState,hostCountry,city,source,checkedOn
        cn-cg-jp-kobe,consulate-general,,CN,JP,Kobe,t,2026-11-28
        """);
    InvalidInputException e = failure(List.of("bundled", "a.json", "b.csv"));
    assertThat(e.problems()).extracting(p -> p.location().file() + ":" + p.location().line() + ":" + p.field())
        .containsExactly("a.json:2:email", "a.json:3:hostCountry", "a.json:4:id", "b.csv:2:name",
            "b.csv:2:address.lines");
    assertThat(e.getMessage()).startsWith("5 problems:");
  }

  @Test
  void aCorrectionWithoutSourceIsRefused() throws IOException {
    write("nosource.json", """
        {"missions": [ {"id": "cn-cg-jp-osaka", "email": "osaka@csm.mfa.gov.cn"} ]}
        """);
    assertThat(failure(List.of("bundled", "nosource.json")).problems()).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("sources.email");
      assertThat(p.location().line()).isEqualTo(1);
      assertThat(p.message()).contains("must say where its facts come from");
    });
  }

  @Test
  void anEmailMarkedUnconfirmedIsRefusedAsAnAddressToSendTo() throws IOException {
    write("guess.json", """
        {"missions": [ {"id": "cn-cg-jp-osaka", "email": "osaka@csm.mfa.gov.cn",
          "sources": {"email": {"source": "pattern of other missions", "checkedOn": "2026-11-28", "confirmed": false}}} ]}
        """);
    assertThat(failure(List.of("bundled", "guess.json")).problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("never sent to an unconfirmed address", "candidates.email"));
  }

  @Test
  void malformedJsonIsReportedWithItsLine() throws IOException {
    write("broken.json", "{\"missions\": [\n  {\"id\": \"x\",\n  \"email\" \"y\"}\n]}\n");
    Problem p = failure(List.of("broken.json")).problems().get(0);
    assertThat(p.location().line()).isEqualTo(3);
    assertThat(p.message()).startsWith("not valid JSON");
  }

  @Test
  void aMissingFileAndAnUnknownFieldAreReported() throws IOException {
    write("typo.json", """
        {"missions": [ {"id": "cn-cg-jp-osaka", "emial": "a@b.org",
          "sources": {"mission": {"source": "t", "checkedOn": "2026-11-28"}}} ]}
        """);
    assertThat(failure(List.of("bundled", "typo.json", "missing.csv")).problems())
        .extracting(Problem::toString)
        .anySatisfy(s -> assertThat(s).startsWith("missing.csv:1:1: no such file"))
        .anySatisfy(s -> assertThat(s).startsWith("typo.json:1:").contains("emial: unknown field"));
  }

  @Test
  void layeredDirectoriesReplaceWholeMissionsById() {
    DiplomaticMission replacement = org.demarche.core.contract.Fixtures.osaka();
    MissionDirectory d = ContactDirectories.layered(List.of(ContactDirectories.bundled(),
        ContactDirectories.of(List.of(replacement))));
    assertThat(d.byId("cn-cg-jp-osaka")).contains(replacement);
    assertThat(d.candidates("cn-cg-jp-osaka")).isEmpty();
    assertThat(d.byId("cn-cg-jp-sapporo")).isEqualTo(ContactDirectories.bundled().byId("cn-cg-jp-sapporo"));
  }
}
