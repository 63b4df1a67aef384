package org.demarche.core.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRowsTest {
  @TempDir
  Path dir;

  private static List<CsvRow> all(CsvRows rows) {
    List<CsvRow> out = new ArrayList<>();
    for (Optional<CsvRow> r = rows.next(); r.isPresent(); r = rows.next()) {
      out.add(r.get());
    }
    return out;
  }

  private static List<CsvRow> read(String text) throws Exception {
    try (CsvRows rows = CsvRows.of(new StringReader(text), "s.csv")) {
      return all(rows);
    }
  }

  @Test
  void locatesEveryCellAtItsLineAndColumn() throws Exception {
    List<CsvRow> rows = read("name,city\nHanako,Osaka\n\nKenji,Kobe\n");

    assertThat(rows).extracting(CsvRow::line).containsExactly(1, 2, 4);
    assertThat(rows.get(2).text(1)).isEqualTo("Kobe");
    assertThat(rows.get(2).at(1)).isEqualTo(new Location("s.csv", 4, 2));
  }

  @Test
  void aQuotedCellWithALineBreakKeepsLaterLineNumbersRight() throws Exception {
    List<CsvRow> rows = read("name,note,city\nHanako,\"two\nlines\",Osaka\r\nKenji,\"a, b\",Kobe\n");

    assertThat(rows.get(1).text(1)).isEqualTo("two\nlines");
    assertThat(rows.get(1).at(2)).isEqualTo(new Location("s.csv", 3, 3));
    assertThat(rows.get(2).line()).isEqualTo(4);
    assertThat(rows.get(2).texts()).containsExactly("Kenji", "a, b", "Kobe");
  }

  @Test
  void reportsABadCellAtItsLineAndColumn() throws Exception {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> read("name,city\nHanako,Osaka\nKenji,\"Kobe\" x\n"));

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.location()).isEqualTo(new Location("s.csv", 3, 2));
      assertThat(p.message()).startsWith("not valid CSV:");
    });
  }

  @Test
  void refusesACellLongerThanTheLimitWithFileAndLine() throws Exception {
    String ok = "x".repeat(ReadLimits.MAX_STRING_CHARS);
    assertThat(read("note\n" + ok + "\n").get(1).text(0)).hasSize(ReadLimits.MAX_STRING_CHARS);

    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> read("name,note\nHanako,ok\nKenji," + ok + "x\n"));

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.toString()).startsWith("s.csv:3:");
      assertThat(p.message()).isEqualTo("a cell is longer than 100000 characters");
    });
  }

  @Test
  void refusesARowWithTooManyCells() throws Exception {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> read("a\n" + ",".repeat(ReadLimits.MAX_CSV_CELLS) + "\n"));

    assertThat(e.problems().get(0).toString()).startsWith("s.csv:2:").contains("more than 1000 cells");
  }

  @Test
  void opensAFileWithAByteOrderMarkAndRefusesBytesThatAreNotUtf8() throws Exception {
    Path good = Files.write(dir.resolve("good.csv"), ("\uFEFFname\nHanako\n").getBytes(StandardCharsets.UTF_8));
    try (CsvRows rows = CsvRows.open(good, "good.csv")) {
      assertThat(all(rows)).extracting(r -> r.text(0)).containsExactly("name", "Hanako");
    }
    Path bad = Files.write(dir.resolve("bad.csv"), new byte[] {'n', '\n', 'a', '\n', (byte) 0xC3, '(', '\n'});
    try (CsvRows rows = CsvRows.open(bad, "bad.csv")) {
      InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> all(rows));
      assertThat(e.problems().get(0).toString()).startsWith("bad.csv:").endsWith("not UTF-8 text: save the file as UTF-8");
    }
  }
}
