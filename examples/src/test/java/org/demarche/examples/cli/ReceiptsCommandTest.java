package org.demarche.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptsCommandTest {
  @TempDir
  Path dir;

  @Test
  void writesAReceiptPerCoSignatoryThatVerifiesAgainstTheCommitmentPrintedOnTheAnnex() throws Exception {
    Path campaign = Campaigns.founding(dir);
    Path receipts = dir.resolve("receipts");

    Cli.Result r = Cli.run("receipts", campaign.toString(), "--out", receipts.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    Matcher m = Pattern.compile("SHA-256 ([0-9a-f]{64})").matcher(r.out());
    assertThat(m.find()).isTrue();
    String commitment = m.group(1);
    List<Path> files;
    try (Stream<Path> s = Files.list(receipts)) {
      files = s.filter(p -> p.getFileName().toString().startsWith("receipt-")).sorted().toList();
    }
    assertThat(files).hasSize(5);
    assertThat(Files.readString(receipts.resolve("index.csv"))).contains("aiko@example.org");
    for (Path receipt : files) {
      assertThat(receipt.getFileName().toString()).doesNotContain("aiko").doesNotContain("minho");
      assertThat(Cli.run("verify", "--commitment", commitment, "--receipt", receipt.toString()).exitCode()).isZero();
    }

    Path pdfs = dir.resolve("pdf");
    assertThat(Cli.run("render", campaign.toString(), "--out", pdfs.toString()).exitCode()).isZero();
    try (PDDocument pdf = Loader.loadPDF(pdfs.resolve("cn-cg-jp-osaka.en.pdf").toFile())) {
      assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", "")).contains(commitment);
    }
  }

  @Test
  void aReceiptFromAnotherListDoesNotVerify() throws Exception {
    Path campaign = Campaigns.founding(dir);
    Path receipts = dir.resolve("receipts");
    Cli.run("receipts", campaign.toString(), "--out", receipts.toString());
    Path one;
    try (Stream<Path> s = Files.list(receipts)) {
      one = s.filter(p -> p.getFileName().toString().startsWith("receipt-")).findFirst().orElseThrow();
    }

    Cli.Result r = Cli.run("verify", "--commitment", "0".repeat(64), "--receipt", one.toString());

    assertThat(r.exitCode()).isEqualTo(1);
  }
}
