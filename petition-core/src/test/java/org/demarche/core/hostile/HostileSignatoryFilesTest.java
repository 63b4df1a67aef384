package org.demarche.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.demarche.core.Demarche;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Problem;
import org.demarche.core.testing.CampaignFiles;
import org.demarche.core.testing.TestPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken signatory lists, each named by a campaign: every one rejected with its file, line and column. */
class HostileSignatoryFilesTest {
  @TempDir
  Path dir;

  private static final String HEADER = "name,kind,organization,city,country,email,signedAt,disclosure\n";
  private static final String GOOD = "Hanako Yamada,person,,Osaka,JP,hanako@example.org,2026-09-01,name-only\n";

  static Map<String, String> corpus() {
    Map<String, String> c = new LinkedHashMap<>();
    String[][] badCells = {
        {"name", ""}, {"kind", "robot"}, {"country", "Japan"}, {"country", "XX"}, {"email", "hanako"},
        {"email", "a@b"}, {"signedAt", "yesterday"}, {"signedAt", "2026-13-01"}, {"disclosure", "everything"},
        {"disclosure", "public"}, {"name", "\"Hanako\rBcc: x@example.org\""}, {"city", "\"Osaka\u0000\""}};
    List<String> columns = List.of("name", "kind", "organization", "city", "country", "email", "signedAt", "disclosure");
    String[] good = GOOD.strip().split(",", -1);
    for (String[] bad : badCells) {
      for (int position = 0; position < 20; position++) {
        String[] row = good.clone();
        row[columns.indexOf(bad[0])] = bad[1];
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < position; i++) {
          csv.append(GOOD);
        }
        csv.append(String.join(",", row)).append('\n');
        csv.append(GOOD);
        c.put("bad-" + bad[0] + "-" + bad[1].hashCode() + "-row-" + position, csv.toString());
      }
    }
    for (int position = 0; position < 20; position++) {
      c.put("unclosed-quote-" + position, HEADER + GOOD.repeat(position) + "\"Hanako,person,,Osaka,JP,,2026-09-01,full\n");
      c.put("no-name-column-" + position, "nom,kind\n" + "x,person\n".repeat(position + 1));
      c.put("bom-and-bad-" + position, "\uFEFF" + HEADER + GOOD.repeat(position) + "A,person,,X,QQ,,,\n");
      c.put("too-many-cells-" + position, HEADER + GOOD.repeat(position) + GOOD.strip() + ",extra,cells,here\n");
    }
    c.put("empty-file", "");
    c.put("header-only-bad", "name\n\"\n");
    c.put("binary", "\u0000\u0001\u0002,\u0003\n");
    return c;
  }

  @Test
  void rejectsEveryBrokenSignatoryFileWithFileLineAndColumn() throws Exception {
    Map<String, String> corpus = corpus();
    Files.writeString(dir.resolve("letter.en.md"), CampaignFiles.BODY);
    Path campaign = dir.resolve("campaign.yaml");
    Files.writeString(campaign, CampaignFiles.VALID + "signatories: signatories.csv\n");
    Demarche demarche = Demarche.builder().install(new TestPlugin()).build();
    List<String> failures = new ArrayList<>();
    int rejected = 0;
    long slowest = 0;
    for (Map.Entry<String, String> e : corpus.entrySet()) {
      Path csv = dir.resolve("signatories.csv");
      Files.writeString(csv, e.getValue(), StandardCharsets.UTF_8);
      long start = System.nanoTime();
      try {
        demarche.load(campaign);
        failures.add(e.getKey() + ": accepted");
      } catch (InvalidInputException ex) {
        rejected++;
        for (Problem p : ex.problems()) {
          if (!p.location().file().endsWith("signatories.csv") || p.location().line() < 1) {
            failures.add(e.getKey() + ": not located in the CSV: " + p);
          }
          java.util.regex.Matcher row = java.util.regex.Pattern.compile("-row-(\\d+)$").matcher(e.getKey());
          if (row.find() && p.location().line() != Integer.parseInt(row.group(1)) + 2) {
            failures.add(e.getKey() + ": not located in the CSV: " + p);
          }
        }
      } catch (RuntimeException ex) {
        failures.add(e.getKey() + ": " + ex);
      }
      slowest = Math.max(slowest, System.nanoTime() - start);
    }
    System.out.printf("hostile signatory files: %d generated, %d rejected with file:line, slowest %.0f ms%n",
        corpus.size(), rejected, slowest / 1e6);
    assertThat(failures).isEmpty();
    assertThat(slowest).isLessThan(1_000_000_000L);
  }

  @Test
  void reportsTheBadRowsLineAndColumn() throws Exception {
    Files.writeString(dir.resolve("letter.en.md"), CampaignFiles.BODY);
    Path campaign = dir.resolve("campaign.yaml");
    Files.writeString(campaign, CampaignFiles.VALID + "signatories: signatories.csv\n");
    Files.writeString(dir.resolve("signatories.csv"), HEADER.replace("\n", ",note\n") + GOOD.replace("\n", ",\n")
        + "Kenji,person,,Kobe,JP,bad-email,,,\"two\nlines\"\n");

    try {
      Demarche.builder().install(new TestPlugin()).build().load(campaign);
      throw new AssertionError("accepted");
    } catch (InvalidInputException e) {
      assertThat(e.problems()).singleElement().satisfies(p -> {
        assertThat(p.location().line()).isEqualTo(3);
        assertThat(p.location().column()).isEqualTo(6);
        assertThat(p.field()).isEqualTo("email");
      });
    }
  }
}
