package org.demarche.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.MissionKind;
import org.demarche.contacts.build.CountryBoxes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The data checks of issue 14 item 4 over every bundled mission of every sending state. A finding is fixed at the
 * source layer (src/data, the build) or, when no source can fix it, listed with its reason in
 * src/data/curated/known-gaps.csv; a new finding fails the test.
 */
class DataChecksTest {
  static final Pattern NOT_POSTAL = Pattern.compile(
      "(?i).*\\b(arrondissement|municipality|district|borough|county|prefecture|province|oblast)\\b.*|Mitte");
  private static List<DiplomaticMission> all;
  private static CountryBoxes boxes;
  private static Set<String> gaps;

  @BeforeAll
  static void load() throws IOException {
    all = ContactDirectories.bundled().allStates();
    boxes = new CountryBoxes(Path.of("").toAbsolutePath());
    gaps = new HashSet<>();
    for (String line : Files.readAllLines(Path.of("src/data/curated/known-gaps.csv"))) {
      if (!line.startsWith("check,")) {
        String[] f = line.split(",", 3);
        gaps.add(f[0] + "," + f[1]);
      }
    }
  }

  private static List<String> unlisted(String check, List<String> findings) {
    return findings.stream().filter(f -> !gaps.contains(check + "," + f)).toList();
  }

  @Test
  void everyCoordinateLiesInsideItsHostCountry() {
    List<String> findings = new ArrayList<>();
    int checked = 0;
    for (DiplomaticMission m : all) {
      if (m.coordinate().isPresent() && boxes.knows(m.hostCountry())) {
        checked++;
        if (!boxes.inside(m.hostCountry(), m.coordinate().get().latitude(), m.coordinate().get().longitude())) {
          findings.add(m.id());
        }
      }
    }
    System.out.println("coordinates checked against Natural Earth boxes: " + checked + ", outside: " + findings.size());
    assertThat(unlisted("coordinate", findings)).isEmpty();
  }

  @Test
  void noTwoMissionsOfOneStateAndKindWithinOneKilometreOrAtOneAddress() {
    Map<String, List<DiplomaticMission>> byGroup = new HashMap<>();
    all.forEach(m -> byGroup.computeIfAbsent(m.sendingState() + "/" + m.hostCountry() + "/" + m.kind(),
        k -> new ArrayList<>()).add(m));
    List<String> findings = new ArrayList<>();
    for (List<DiplomaticMission> group : byGroup.values()) {
      for (int i = 0; i < group.size(); i++) {
        for (int j = i + 1; j < group.size(); j++) {
          DiplomaticMission a = group.get(i);
          DiplomaticMission b = group.get(j);
          boolean near = a.coordinate().isPresent() && b.coordinate().isPresent()
              && a.coordinate().get().distanceKm(b.coordinate().get()) < 1.0;
          boolean sameStreet = !a.address().lines().isEmpty() && a.address().lines().equals(b.address().lines());
          if (near || sameStreet) {
            findings.add(b.id());
          }
        }
      }
    }
    assertThat(unlisted("duplicate", findings)).isEmpty();
  }

  @Test
  void everyCountryWithAConsulateOfAStateHasThatStatesEmbassyOrAnAccreditedOne() {
    Set<String> embassyFor = new HashSet<>();
    for (DiplomaticMission m : all) {
      if (m.kind() == MissionKind.EMBASSY) {
        embassyFor.add(m.sendingState() + "/" + m.hostCountry());
        m.jurisdictionCountries().forEach(c -> embassyFor.add(m.sendingState() + "/" + c));
      }
    }
    Set<String> findings = new TreeSet<>();
    for (DiplomaticMission m : all) {
      if ((m.kind() == MissionKind.CONSULATE || m.kind() == MissionKind.CONSULATE_GENERAL)
          && !embassyFor.contains(m.sendingState() + "/" + m.hostCountry())) {
        findings.add(m.sendingState() + "/" + m.hostCountry());
      }
    }
    System.out.println("state/host pairs with a consulate but no embassy: " + findings.size());
    assertThat(unlisted("no-embassy", List.copyOf(findings))).isEmpty();
  }

  @Test
  void cityIsAPostalCityNotADistrictOrMunicipality() {
    assertThat(all).filteredOn(m -> NOT_POSTAL.matcher(m.city()).matches()
        || NOT_POSTAL.matcher(m.address().city()).matches()).extracting(DiplomaticMission::id).isEmpty();
  }

  @Test
  void emailsAndWebAddressesAreWellFormed() {
    Pattern email = Pattern.compile("[^@\\s]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    for (DiplomaticMission m : all) {
      m.email().ifPresent(e -> assertThat(e).as(m.id()).matches(email));
      m.web().ifPresent(w -> {
        assertThat(w.getScheme()).as(m.id()).isIn("http", "https");
        assertThat(w.getHost()).as(m.id() + " " + w).isNotNull().contains(".");
      });
      for (Candidate c : ContactDirectories.bundled().candidates(m.id())) {
        if (c.fact().equals("email")) {
          assertThat(c.value()).as(m.id()).matches(email);
        }
      }
    }
  }

  @Test
  void idsAreUniqueAndDerivedFromStateKindHostAndCity() {
    Set<String> seen = new HashSet<>();
    Pattern id = Pattern.compile("[a-z]{2}-(embassy|cg|consulate|post)-[a-z]{2}-[a-z0-9-]+");
    for (DiplomaticMission m : all) {
      assertThat(seen.add(m.id())).as(m.id()).isTrue();
      assertThat(m.id()).matches(id);
      assertThat(m.id()).startsWith(m.sendingState().toLowerCase(java.util.Locale.ROOT) + "-");
      assertThat(m.id()).contains("-" + m.hostCountry().toLowerCase(java.util.Locale.ROOT) + "-");
    }
  }

}
