package org.demarche.core.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvWriterTest {
  private static String written(boolean bom, List<String> row) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CsvWriter.of(bytes, bom).row(row).flush();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aCellThatASpreadsheetWouldRunAsAFormulaGetsALeadingApostrophe() throws Exception {
    assertThat(written(false, List.of("=1+1", "+A1", "-2", "@SUM(A1)", "\tx", "plain", "a=b")))
        .isEqualTo("'=1+1,'+A1,'-2,'@SUM(A1),'\tx,plain,a=b\r\n");
  }

  @Test
  void quotedCellsReadBackAsWrittenThroughTheProjectsCsvReader() throws Exception {
    List<String> row = List.of("Tanaka, Aiko", "say \"hi\"", "two\nlines", "");
    String text = written(false, row);
    List<String> back = new ArrayList<>();
    try (CsvRows rows = CsvRows.of(new StringReader(text), "t.csv")) {
      Optional<CsvRow> r = rows.next();
      back.addAll(r.orElseThrow().texts());
    }
    assertThat(back).isEqualTo(row);
  }

  @Test
  void aByteOrderMarkOnlyWhenAsked() throws Exception {
    assertThat(written(true, List.of("a"))).isEqualTo("\uFEFFa\r\n");
    assertThat(written(false, List.of("a"))).isEqualTo("a\r\n");
  }
}
