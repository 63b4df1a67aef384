package org.demarche.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.spi.ContactDirectory;
import org.demarche.core.spi.MissionQuery;
import org.junit.jupiter.api.Test;

/** What every {@link ContactDirectory} must do. A directory's test class extends this. */
public abstract class ContactDirectoryContract {

  /** A directory holding at least one mission. */
  protected abstract ContactDirectory directory();

  @Test
  public void listsMissionsOrderedById() {
    assertThat(directory().missions()).isNotEmpty().isSortedAccordingTo(Comparator.comparing(DiplomaticMission::id));
  }

  @Test
  public void findsEachMissionById() {
    ContactDirectory d = directory();
    for (DiplomaticMission m : d.missions()) {
      assertThat(d.byId(m.id())).contains(m);
    }
    assertThat(d.byId("no-such-mission")).isEmpty();
  }

  @Test
  public void anEmptyQueryFindsEveryMission() {
    ContactDirectory d = directory();
    assertThat(d.find(MissionQuery.all())).containsExactlyElementsOf(d.missions());
  }

  @Test
  public void searchFindsAMissionByItsCity() {
    ContactDirectory d = directory();
    DiplomaticMission first = d.missions().get(0);
    assertThat(d.search(first.city().toLowerCase(java.util.Locale.ROOT))).contains(first);
  }
}
