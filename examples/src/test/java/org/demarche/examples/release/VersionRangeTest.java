package org.demarche.examples.release;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionRangeTest {
  @Test
  void anOpenLowerBoundTakesEveryOlderVersionAndNoNewerOne() {
    VersionRange r = VersionRange.parse("[,1.79)");

    assertThat(r.contains("1.78.1")).isTrue();
    assertThat(r.contains("1.78")).isTrue();
    assertThat(r.contains("1.79")).isFalse();
    assertThat(r.contains("1.87")).isFalse();
    assertThat(r.contains("1.100")).isFalse();
  }

  @Test
  void guavaFlavoursCompareByNumber() {
    VersionRange r = VersionRange.parse("[,32.0.0-jre)");

    assertThat(r.contains("31.0.1-jre")).isTrue();
    assertThat(r.contains("31.1-android")).isTrue();
    assertThat(r.contains("32.0.0-jre")).isFalse();
    assertThat(r.contains("33.8.0-jre")).isFalse();
  }

  @Test
  void aPreReleaseComesBeforeItsRelease() {
    assertThat(VersionRange.compare("2.0-rc1", "2.0")).isNegative();
    assertThat(VersionRange.compare("2.0.0-SNAPSHOT", "2.0.0")).isNegative();
    assertThat(VersionRange.parse("[,2.0)").contains("2.0-rc1")).isTrue();
  }

  @Test
  void anExactVersionAndAClosedRangeAreInclusive() {
    assertThat(VersionRange.parse("[2.0.3]").contains("2.0.3")).isTrue();
    assertThat(VersionRange.parse("[2.0.3]").contains("2.0.4")).isFalse();
    assertThat(VersionRange.parse("[1.2,1.5]").contains("1.5")).isTrue();
    assertThat(VersionRange.parse("(1.2,1.5]").contains("1.2")).isFalse();
  }
}
