package org.demarche.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Draft translations never go out unreviewed (issue 13 item 6); scripts we cannot shape are refused (item 3). */
class DraftsAndScriptsTest {
  @TempDir
  Path dir;

  private static List<String> files(Path out) throws IOException {
    try (Stream<Path> s = Files.list(out)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aDraftTranslationIsNotAttachedAndTheSummarySaysWhy() throws Exception {
    Path out = dir.resolve("out");
    Cli.Result r = Cli.run("run", Campaigns.founding(dir).toString(), "--out", out.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(files(out)).noneMatch(f -> f.endsWith(".zh.pdf"));
    assertThat(r.out()).contains("Draft translations not attached: zh").contains("--allow-draft-translations");
  }

  @Test
  void allowDraftTranslationsAttachesThemAndTheSummaryRepeatsTheFlag() throws Exception {
    Path out = dir.resolve("out");
    Cli.Result r = Cli.run("run", Campaigns.founding(dir).toString(), "--out", out.toString(),
        "--allow-draft-translations");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(files(out).stream().filter(f -> f.endsWith(".zh.pdf"))).hasSize(7);
    assertThat(r.out()).contains("Draft translations attached unreviewed (--allow-draft-translations): zh");
  }

  @Test
  void aReviewedTranslationIsAttachedWithoutItsDraftBanner() throws Exception {
    Path campaign = Campaigns.founding(dir);
    Path zh = dir.resolve("letter.zh.md");
    Files.writeString(zh, Files.readString(zh).replace("draft: true\n",
        "draft: true\nreviewedBy: 王芳\nreviewedOn: 2026-09-01\n"));
    Path out = dir.resolve("out");

    Cli.Result r = Cli.run("run", campaign.toString(), "--out", out.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain("Draft translations");
    Path pdf = out.resolve("cn-cg-jp-osaka.zh.pdf");
    assertThat(pdf).exists();
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      assertThat(new PDFTextStripper().getText(doc)).contains("习近平").doesNotContain("译文草稿");
    }
  }

  @Test
  void aTranslationInDevanagariFailsValidateWithExitTwoNamingTheScript() throws Exception {
    Path campaign = Campaigns.founding(dir);
    Files.writeString(dir.resolve("letter.hi.md"), """
        ---
        subject: विश्व उत्तर कोरियाई शरणार्थी बचाओ दिवस पर याचिका
        salutation: माननीय राष्ट्रपति जी,
        closing: भवदीय,
        ---
        हम आपसे अनुरोध करते हैं कि उत्तर कोरियाई शरणार्थियों की जबरन वापसी रोकी जाए।
        """);
    String yaml = Files.readString(campaign).replace("    zh: letter.zh.md\n", "    zh: letter.zh.md\n    hi: letter.hi.md\n")
        .replace("attach: [zh]", "attach: [zh, hi]");
    Files.writeString(campaign, yaml);

    Cli.Result r = Cli.run("validate", campaign.toString());

    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.err()).contains("Devanagari script").contains("shaping engine").doesNotContain("\tat ");
  }
}
