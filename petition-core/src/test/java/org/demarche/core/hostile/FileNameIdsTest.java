package org.demarche.core.hostile;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.demarche.core.model.SafeNames;
import org.demarche.core.model.Values;
import org.junit.jupiter.api.Test;

/** Ids name files: an id or a name that Windows would open as a device or as another file is refused. */
class FileNameIdsTest {

  @Test
  void anIdThatWindowsReservesForADeviceIsRefusedWhereItIsRead() {
    for (String id : new String[] {"con", "prn", "aux", "nul", "com1", "lpt9"}) {
      assertThatThrownBy(() -> Values.id(id, "id")).as(id).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("id '" + id + "' is a name Windows reserves for a device (con, prn, aux, nul, com1-com9,"
              + " lpt1-lpt9) and cannot name a file: choose another, such as " + id + "-1");
    }
  }

  @Test
  void aFileNameEndingWithADotIsRefusedSinceWindowsWouldOpenTheNameWithoutIt() {
    assertThatThrownBy(() -> SafeNames.requireFileName("x.pdf.", "fileName"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not starting or ending with '.'");
  }
}
