package org.demarche.examples.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.demarche.examples.cli.Cli;
import org.demarche.examples.cli.DemarcheCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, item 10: a campaign with co-signatories who did not consent to be named, and an SMTP password
 * in the environment, run over SMTP (a child JVM, as from a terminal), into the outbox, with a refused
 * login, and asked for its status. Nothing it prints, writes or sends holds the password, a login line,
 * a withheld name or any signatory's email; the PDFs, .eml files and sent messages hold no user name,
 * host name or local path of the operator.
 */
class PrivacyTest {
  private static final String PASSWORD = "Tr0ub4dor-&-3-privacy";
  private static final String WRONG_PASSWORD = "wrong-Horse-0451";

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir
  Path dir;

  private static String cli(String... args) {
    Cli.Result r = Cli.run(args);
    return "exit " + r.exitCode() + "\n" + r.out() + r.err();
  }

  private Path campaign(Path folder) throws Exception {
    Files.createDirectories(folder);
    Path campaign = TestCampaigns.write(folder, 3, smtp.getSmtp().getPort());
    Files.writeString(folder.resolve("signatories.csv"), """
        name,kind,organization,city,country,email,signedAt,disclosure
        Open Refugee Aid,organization,,Seoul,KR,,2026-09-01,full
        Aiko Shown,person,,Osaka,JP,aiko.shown@signers.test,2026-09-02,name-only
        Jun Initialsonly-Park,person,,Seoul,KR,jun.private@signers.test,2026-09-03,initials
        Hana Withheld-Sato,person,,Tokyo,JP,hana.private@signers.test,2026-09-04,counted-only
        """);
    String text = Files.readString(campaign)
        .replace("recipients:", "signatories: signatories.csv\ndisclosureCap: full\nrecipients:")
        .replace("tls: none,", "tls: none, username: ngo-login, passwordEnv: DEMARCHE_SMTP_PASSWORD,");
    Files.writeString(campaign, text);
    return campaign;
  }

  private String child(Path campaign, Path out, String password) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Ddemarche.plain=true", "-cp", System.getProperty("java.class.path"),
        DemarcheCli.class.getName(), "run", campaign.toString(), "--out", out.toString(), "--send")
        .redirectErrorStream(true);
    pb.environment().put("DEMARCHE_SMTP_PASSWORD", password);
    Process p = pb.start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return "exit " + p.exitValue() + "\n" + log;
  }

  @Test
  void nothingPrintedWrittenOrSentExposesASecretAWithheldSignatoryOrTheOperator() throws Exception {
    smtp.setUser("ngo@ngo.test", "ngo-login", PASSWORD);
    Path good = campaign(dir.resolve("good"));
    Path refused = campaign(dir.resolve("refused"));
    Path outbox = dir.resolve("good").resolve("outbox");

    // What the operator sees and what stays on disk.
    Map<String, String> printed = new LinkedHashMap<>();
    printed.put("smtp run (child JVM)", child(good, dir.resolve("good").resolve("sent"), PASSWORD));
    printed.put("smtp run with a refused login (child JVM)", child(refused, dir.resolve("refused").resolve("sent"),
        WRONG_PASSWORD));
    printed.put("outbox run", cli("run", good.toString(), "--out", outbox.toString()));
    printed.put("status", cli("status", good.toString()));
    printed.put("status json", cli("status", good.toString(), "--format", "json"));
    printed.put("status of the refused run", cli("status", refused.toString()));
    for (Path folder : List.of(dir.resolve("good"), dir.resolve("refused"))) {
      try (Stream<Path> files = Files.list(folder)) {
        for (Path j : files.filter(f -> f.getFileName().toString().endsWith(".journal")).toList()) {
          printed.put("journal " + folder.relativize(j), Files.readString(j));
        }
      }
    }
    // What leaves the machine, or could: PDFs (metadata and text), .eml files, the messages the server got.
    Map<String, String> documents = new LinkedHashMap<>();
    List<Path> pdfs = new ArrayList<>();
    List<Path> emls = new ArrayList<>();
    try (Stream<Path> files = Stream.concat(Files.walk(outbox), Files.walk(dir.resolve("good").resolve("sent")))) {
      files.forEach(f -> {
        if (f.toString().endsWith(".pdf")) {
          pdfs.add(f);
        } else if (f.toString().endsWith(".eml")) {
          emls.add(f);
        }
      });
    }
    for (Path pdf : pdfs) {
      try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
        PDDocumentInformation info = doc.getDocumentInformation();
        StringBuilder meta = new StringBuilder();
        for (String key : info.getMetadataKeys()) {
          meta.append(key).append('=').append(info.getCustomMetadataValue(key)).append('\n');
        }
        if (doc.getDocumentCatalog().getMetadata() != null) {
          meta.append(new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8));
        }
        documents.put("PDF metadata " + pdf.getFileName(), meta.toString());
        documents.put("PDF text " + pdf.getFileName(), new PDFTextStripper().getText(doc));
      }
      documents.put("PDF bytes " + pdf.getFileName(), new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1));
    }
    for (Path eml : emls) {
      documents.put("eml " + eml.getFileName(), Files.readString(eml, StandardCharsets.ISO_8859_1));
    }
    List<String> messageIds = new ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      m.writeTo(raw);
      documents.put("received " + m.getMessageID(), raw.toString(StandardCharsets.ISO_8859_1));
      messageIds.add(m.getMessageID());
    }
    documents.put("Message-IDs", String.join("\n", messageIds));

    Map<String, Pattern> secrets = new LinkedHashMap<>();
    secrets.put("the SMTP password", Pattern.compile(Pattern.quote(PASSWORD)));
    secrets.put("the refused password", Pattern.compile(Pattern.quote(WRONG_PASSWORD)));
    secrets.put("a login line", Pattern.compile("(?m)^\\s*AUTH\\b|\\bAUTH (PLAIN|LOGIN)"));
    secrets.put("a withheld name", Pattern.compile("Withheld-Sato|Hana W|Initialsonly|Jun I[a-z]"));
    secrets.put("a signatory email", Pattern.compile("@signers\\.test"));
    Map<String, Pattern> operator = new LinkedHashMap<>();
    operator.put("the operator's user name", Pattern.compile("\\b" + Pattern.quote(System.getProperty("user.name"))
        + "\\b"));
    String host = InetAddress.getLocalHost().getHostName();
    operator.put("the host name", Pattern.compile("(?<![A-Za-z0-9+/=])" + Pattern.quote(host) + "(?![A-Za-z0-9+/=])"));
    operator.put("the local path", Pattern.compile(Pattern.quote(dir.toString())));

    List<String> leaks = new ArrayList<>();
    int places = 0;
    for (var e : printed.entrySet()) {
      places++;
      secrets.forEach((what, p) -> {
        if (p.matcher(e.getValue()).find()) {
          leaks.add(what + " in " + e.getKey());
        }
      });
    }
    for (var e : documents.entrySet()) {
      places++;
      secrets.forEach((what, p) -> {
        if (p.matcher(e.getValue()).find()) {
          leaks.add(what + " in " + e.getKey());
        }
      });
      boolean binary = e.getKey().startsWith("PDF bytes");
      operator.forEach((what, p) -> {
        // Compressed PDF bytes hold random-looking text: look there only for the (long) local path.
        if ((!binary || what.equals("the local path")) && p.matcher(headersAndText(e.getValue())).find()) {
          leaks.add(what + " in " + e.getKey());
        }
      });
    }
    System.out.printf(Locale.ROOT, "privacy: %d places checked (%d outputs, journals and status, %d PDFs with"
            + " metadata and text, %d .eml, %d received messages and Message-IDs) for %d kinds of secret and %d"
            + " traces of the operator: %d found%n", places, printed.size(), pdfs.size(), emls.size(),
        messageIds.size(), secrets.size(), operator.size(), leaks.size());
    assertThat(printed.get("smtp run (child JVM)")).startsWith("exit 0");
    assertThat(printed.get("smtp run with a refused login (child JVM)")).startsWith("exit 1");
    assertThat(messageIds).hasSize(3);
    assertThat(pdfs).isNotEmpty();
    assertThat(emls).isNotEmpty();
    assertThat(leaks).isEmpty();
  }

  /** A message without its base64 bodies (random-looking text in which a short name can occur by chance). */
  private static String headersAndText(String raw) {
    return raw.replaceAll("(?m)^[A-Za-z0-9+/]{60,}={0,2}$", "");
  }
}
