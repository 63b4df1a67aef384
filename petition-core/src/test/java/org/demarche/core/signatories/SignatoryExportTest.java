package org.demarche.core.signatories;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.Signatories;
import org.demarche.core.model.Signatory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignatoryExportTest {
  @TempDir
  Path dir;

  @Test
  void neutralizesEveryCellASpreadsheetWouldReadAsAFormula() {
    assertThat(SignatoryExport.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(SignatoryExport.cell("+81 3 1234")).isEqualTo("'+81 3 1234");
    assertThat(SignatoryExport.cell("-2+3")).isEqualTo("'-2+3");
    assertThat(SignatoryExport.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(SignatoryExport.cell("\t=1")).isEqualTo("'\t=1");
    assertThat(SignatoryExport.cell("\r=1")).isEqualTo("\"'\r=1\"");
    assertThat(SignatoryExport.cell("Yamada, Hanako")).isEqualTo("\"Yamada, Hanako\"");
    assertThat(SignatoryExport.cell("a=b")).isEqualTo("a=b");
  }

  @Test
  void exportsTheFullListWithExtraColumnsAndReimportsIt() throws Exception {
    Signatories list = Signatories.of(List.of(
        new Signatory(Signatory.Kind.PERSON, "=cmd|' /C calc'!A0", Optional.empty(), Optional.of("大阪"),
            Optional.of("JP"), Optional.of("a@example.org"), Optional.empty(), Disclosure.COUNTED_ONLY,
            Map.of("note", "@risk", "phone", "+81 6 0000")),
        new Signatory(Signatory.Kind.ORGANIZATION, "LFNKR", Optional.empty(), Optional.of("Tokyo"), Optional.of("JP"),
            Optional.empty(), Optional.empty(), Disclosure.FULL, Map.of())));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    SignatoryExport.writeCsv(list, out);

    String csv = out.toString(StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFFname,kind,organization,city,country,email,signedAt,disclosure,")
        .contains("'=cmd|' /C calc'!A0,person,,大阪,JP,a@example.org,,counted-only,")
        .contains("'@risk").contains("'+81 6 0000")
        .contains("LFNKR,organization,,Tokyo,JP,,,full,");
    Path f = dir.resolve("export.csv");
    Files.writeString(f, csv);
    try (Stream<Signatory> s = SignatoryImport.read(f, ImportOptions.defaults()).signatories().stream()) {
      assertThat(s.map(Signatory::name).toList()).containsExactly("'=cmd|' /C calc'!A0", "LFNKR");
    }
  }
}
