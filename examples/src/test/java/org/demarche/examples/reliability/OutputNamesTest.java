package org.demarche.examples.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.demarche.core.model.SafeNames;
import org.demarche.examples.cli.Cli;
import org.demarche.examples.cli.DemarcheCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, item 8: names of output files come from ids, and no id or name can make a file leave the
 * output folder or replace another letter's file.
 */
class OutputNamesTest {
  /** Path tricks, device names, NUL, Unicode look-alikes and normalization forms of "..", "/" and letters. */
  static final List<String> HOSTILE = List.of("../x.pdf", "..", ".", "../../etc/passwd", "/etc/passwd", "/tmp/x.pdf",
      "C:\\x.pdf", "c:x.pdf", "\\\\server\\share\\x.pdf", "a/b.pdf", "a\\b.pdf", "x\u0000.pdf", "x.pdf\u0000.eml",
      "con", "CON.pdf", "con.pdf", "aux.en.pdf", "nul.pdf", "com1.eml", "lpt9.pdf", "prn", "x\uFF0F..\uFF0Fy.pdf",
      "\uFF0E\uFF0E", "\uFF0E\uFF0E\uFF0Fx", "\u2024\u2024", "\u2025", "a\u0301.pdf", "\u00e9.pdf", "\uFF58.pdf",
      "\u212A.pdf", ".hidden", "x.pdf.", "x.pdf ", "X.PDF", "a..b", "-", "x".repeat(200), "", " ", "a\u202Efdp.exe",
      "x\n.pdf", "%2e%2e%2fx", "x:stream.pdf", "x*.pdf", "x?.pdf", "x|y.pdf", "x<y>.pdf", "x\".pdf");

  @TempDir
  Path dir;



  @Test
  void noHostileNameLeavesTheFolderAndEverySlugStaysInside() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("out"));
    int accepted = 0;
    int escapes = 0;
    List<String> acceptedNames = new ArrayList<>();
    for (String name : HOSTILE) {
      try {
        Path p = SafeNames.inside(folder, name);
        accepted++;
        acceptedNames.add(name);
        if (!p.getParent().equals(folder.toAbsolutePath().normalize()) || !p.getFileName().toString().equals(name)) {
          escapes++;
        }
      } catch (IllegalArgumentException e) {
        assertThat(e.getMessage()).as(name).contains("file name");
      }
      String slug = SafeNames.slug(name) + ".pdf";
      Path s = SafeNames.inside(folder, slug);
      if (!s.getParent().equals(folder.toAbsolutePath().normalize())) {
        escapes++;
      }
    }
    System.out.printf(Locale.ROOT, "output names: %d hostile names, %d refused by SafeNames, %d accepted (%s),"
        + " %d escapes (names and their slugs)%n", HOSTILE.size(), HOSTILE.size() - accepted, accepted, acceptedNames,
        escapes);
    assertThat(escapes).isZero();
    assertThat(acceptedNames).isEmpty();
  }

  @Test
  void aDirectoryFileWithAHostileMissionIdIsRefusedWithFileLineAndField() throws Exception {
    List<String> ids = new ArrayList<>(List.of("../x", "a/b", "/etc/x", "x\u0000", "CN-CG-JP-OSAKA", "Con", "con",
        "aux", "nul", "com1", "lpt9", "prn", "\uFF43\uFF4E-cg", "cn\uFF0Fcg", "e\u0301", "\u00e9", "a..b", "a.b", "-a",
        "a-", "a_b", "", " ", "x".repeat(200), "\uFF0E\uFF0E", "%2e%2e", "cn-cg-jp-osaka\u200B"));
    int refused = 0;
    List<String> notRefused = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < ids.size(); i++) {
      Path d = Files.createDirectories(dir.resolve("c" + i));
      Path campaign = TestCampaigns.write(d, 2, 2525);
      Path missions = d.resolve("missions.json");
      Files.writeString(missions, Files.readString(missions).replace("\"" + TestCampaigns.missionId(1) + "\"",
          json.writeValueAsString(ids.get(i))));
      Cli.Result r = Cli.run("validate", campaign.toString());
      if (r.exitCode() == DemarcheCli.INVALID && r.err().contains("missions.json:") && r.err().contains("id")
          && !r.err().contains("Exception")) {
        refused++;
      } else {
        notRefused.add(ids.get(i) + " -> " + r.exitCode() + " " + r.err());
      }
    }
    // Two missions with one id.
    Path d = Files.createDirectories(dir.resolve("dup"));
    Path campaign = TestCampaigns.write(d, 2, 2525);
    Path missions = d.resolve("missions.json");
    Files.writeString(missions, Files.readString(missions).replace(TestCampaigns.missionId(2),
        TestCampaigns.missionId(1)));
    Cli.Result dup = Cli.run("validate", campaign.toString());
    System.out.printf(Locale.ROOT, "directory ids: %d hostile mission ids, %d refused at load with file:line and"
        + " the field; a duplicate id refused: %s%n", ids.size(), refused, dup.exitCode() == DemarcheCli.INVALID);
    assertThat(notRefused).isEmpty();
    assertThat(dup.exitCode()).as(dup.err()).isEqualTo(DemarcheCli.INVALID);
    assertThat(dup.err()).contains("missions.json:").contains("duplicate id");
  }

  /**
   * Ids that come close to each other's file names (x, x-en, xen, x-pdf, ...) and missions whose names differ
   * only by case or normalization: every letter gets its own files, in the outbox (email) and in the postal
   * kit (no email), and no file holds another letter.
   */
  @Test
  void lettersWithNearlyCollidingIdsAndNamesNeverOverwriteEachOther() throws Exception {
    List<String> ids = List.of("x", "x-en", "xen", "x-pdf", "x-eml", "x-zh", "x1", "x-1");
    List<String> names = List.of("Consulate Osaka", "consulate osaka", "CONSULATE OSAKA", "Consulate \uFF2Fsaka",
        "Conso\u0301late Osaka", "Consóllate Osaka", "Consulate Osaka ", "Consulate  Osaka");
    StringBuilder directory = new StringBuilder("{\"format\": \"demarche-directory/1\", \"missions\": [\n");
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < ids.size(); i++) {
      directory.append(String.format(Locale.ROOT, """
            {"id": "%s", "kind": "consulate-general", "name": %s,
             "sendingState": "CN", "hostCountry": "JP", "city": "Osaka",
             "address": {"lines": ["%d Test Street"], "city": "Osaka", "postalCode": "550-0004"},
             %s
             "sources": {"mission": {"source": "generated for a test", "checkedOn": "2026-11-28"}}}%s
          """, ids.get(i), json.writeValueAsString(names.get(i).strip() + " #" + i), i + 1,
          i % 2 == 0 ? "\"email\": \"m" + i + "@missions.test\"," : "", i == ids.size() - 1 ? "" : ","));
    }
    directory.append("]}\n");
    Path campaign = TestCampaigns.write(dir, 1, 2525);
    Files.writeString(dir.resolve("missions.json"), directory);
    Files.writeString(campaign, Files.readString(campaign).replace("channel: smtp", "channel: outbox"));
    Path out = dir.resolve("out");
    Cli.Result run = Cli.run("run", campaign.toString(), "--out", out.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();

    int overwrites = 0;
    List<String> files;
    try (Stream<Path> list = Files.list(out)) {
      files = list.map(p -> p.getFileName().toString()).sorted().toList();
    }
    for (int i = 0; i < ids.size(); i++) {
      Path pdf = out.resolve(ids.get(i) + ".en.pdf");
      try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
        String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        if (!text.contains("#" + i + " ")) {
          overwrites++;
        }
      }
      if (i % 2 == 0 && !Files.readString(out.resolve(ids.get(i) + ".eml"), java.nio.charset.StandardCharsets.ISO_8859_1)
          .contains("m" + i + "@missions.test")) {
        overwrites++;
      }
    }
    long pdfs = files.stream().filter(f -> f.matches("[a-z0-9-]+\\.en\\.pdf")).count();
    long emls = files.stream().filter(f -> f.endsWith(".eml")).count();
    System.out.printf(Locale.ROOT, "output collisions: %d letters with near-colliding ids and look-alike names ->"
        + " %d letter PDFs, %d .eml, %d overwrites, every file inside the folder: %s%n", ids.size(), pdfs, emls,
        overwrites, files.stream().noneMatch(f -> f.contains("/") || f.startsWith("..")));
    assertThat(pdfs).isEqualTo(ids.size());
    assertThat(emls).isEqualTo(ids.size() / 2);
    assertThat(overwrites).isZero();
  }
}
