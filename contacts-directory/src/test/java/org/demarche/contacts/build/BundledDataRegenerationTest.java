package org.demarche.contacts.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/** The bundled data is exactly what {@link BundledDataBuilder} makes from the inputs in src/data. */
class BundledDataRegenerationTest {
  static final Path MODULE = Path.of("").toAbsolutePath();
  static final Path BUNDLED = MODULE.resolve("src/main/resources/org/demarche/contacts/data");

  @Test
  void bundledDataEqualsTheBuildOutputByteForByte(@TempDir Path out) throws IOException {
    List<String> built = BundledDataBuilder.build(MODULE, out);
    for (String name : built) {
      assertThat(Files.readAllBytes(BUNDLED.resolve(name))).as(name).isEqualTo(Files.readAllBytes(out.resolve(name)));
    }
    try (Stream<Path> files = Files.walk(BUNDLED)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> BUNDLED.relativize(p).toString()).sorted().toList())
          .as("every bundled file is made by the build").containsExactlyElementsOf(built.stream().sorted().toList());
    }
  }

  /** The regeneration command (see the module README); runs only with -Ddemarche.regenerate=true. */
  @Test
  @EnabledIfSystemProperty(named = "demarche.regenerate", matches = "true")
  void regenerate() throws IOException {
    BundledDataBuilder.build(MODULE, BUNDLED);
  }

  @Test
  void districtsAndArrondissementsBecomeTheirPostalCity() throws IOException {
    BundledDataBuilder b = new BundledDataBuilder(MODULE);
    assertThat(b.postalCity("16th arrondissement of Paris", "FR")).isEqualTo("Paris");
    assertThat(b.postalCity("Mitte", "DE")).isEqualTo("Berlin");
    assertThat(b.postalCity("Oslo municipality", "NO")).isEqualTo("Oslo");
    assertThat(b.postalCity("Budapest District VI", "HU")).isEqualTo("Budapest");
    assertThat(b.postalCity("Osaka", "JP")).isEqualTo("Osaka");
  }
}
