package org.demarche.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.schedule.HostCountries;
import org.junit.jupiter.api.Test;

/**
 * The schedule's bundled tables (public holidays, weekends) are made for the host countries of this module's data
 * ({@link HostCountries}, in petition-core's tests): a mission in a country that list lacks would be left out of them.
 */
class ScheduleCoverageTest {
  @Test
  void everyHostCountryOfTheBundledMissionsIsOneTheScheduleTablesWereMadeFor() {
    Set<String> hosts = new TreeSet<>();
    for (DiplomaticMission m : ContactDirectories.bundled().allStates()) {
      hosts.add(m.hostCountry());
    }

    assertThat(hosts).hasSizeGreaterThan(150).isSubsetOf(HostCountries.BUNDLED);
  }
}
