package org.demarche.examples.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.demarche.examples.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Template syntax written into data (a mission's name in a correction file, a co-signatory's name, the
 * signer's name) is printed as written in the PDF and the email: values are never evaluated.
 */
class TemplateLiteralTest {
  static final List<String> PAYLOADS = List.of("{{7*7}}", "${7*7}", "<#assign x=1>");

  @TempDir
  Path dir;

  @Test
  void templateSyntaxInMissionSignerAndSignatoryFieldsIsPrintedLiterally() throws Exception {
    Path campaign = dir.resolve("campaign.yaml");
    Files.writeString(dir.resolve("letter.en.md"), "We write via the {{mission.name}}.\n");
    Files.writeString(dir.resolve("corrections.json"), """
        {"missions": [{"id": "cn-cg-jp-sapporo", "name": "Sapporo {{7*7}} ${7*7} <#assign x=1>",
          "email": "sapporo@csm.mfa.gov.cn",
          "sources": {"name": {"source": "a test", "checkedOn": "2026-11-28"},
                      "email": {"source": "a test (issue 14: the bundled email is a candidate)", "checkedOn": "2026-11-28"}}}]}
        """);
    Files.writeString(dir.resolve("signatories.csv"), "name,kind,disclosure\n\"{{7*7}} ${7*7} <#assign x=1>\",organization,full\n");
    Files.writeString(campaign, """
        id: template-literal
        date: 2026-09-24
        sender: { name: "NGO ${7*7}", address: { lines: ["1 Street"], city: Tokyo, country: JP }, email: ngo@ngo.test }
        petition:
          language: en
          addressee: { name: Xi Jinping, title: President, salutation: "Dear Mr. President:" }
          subject: "Petition via {{mission.name}}"
          body: letter.en.md
          closing: Sincerely,
          signedBy: { name: "{{7*7}} ${7*7} <#assign x=1>", title: Director }
        signatories: signatories.csv
        recipients: { directories: [bundled, corrections.json], ids: [cn-cg-jp-sapporo] }
        """);
    Path out = dir.resolve("out");
    Cli.Result run = Cli.run("run", campaign.toString(), "--out", out.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();

    String pdfText;
    try (PDDocument pdf = Loader.loadPDF(out.resolve("cn-cg-jp-sapporo.en.pdf").toFile())) {
      pdfText = new PDFTextStripper().getText(pdf);
    }
    MimeMessage eml;
    try (InputStream in = Files.newInputStream(out.resolve("cn-cg-jp-sapporo.eml"))) {
      eml = new MimeMessage(Session.getInstance(new Properties()), in);
    }
    String subject = eml.getSubject();
    String raw = Files.readString(out.resolve("cn-cg-jp-sapporo.eml"));
    int places = 0;
    for (String payload : PAYLOADS) {
      assertThat(pdfText).contains(payload);
      assertThat(subject).contains(payload);
      places += 2;
    }
    assertThat(pdfText).doesNotContain("Sapporo 49").contains("via the Sapporo {{7*7}} ${7*7} <#assign x=1>.");
    assertThat(raw).doesNotContain("NGO 49");
    System.out.printf("templates: %d payloads in a mission name, the signer and a co-signatory: printed literally in"
        + " %d places (PDF text, email subject), 0 evaluated%n", PAYLOADS.size(), places);
  }
}
