package org.demarche.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.demarche.core.files.AtomicFiles;
import org.demarche.core.files.CsvWriter;
import org.demarche.core.model.Campaign;
import org.demarche.render.pdf.ReportPdf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code demarche report CAMPAIGN --out DIR}: the delivery report, for people (PDF) and machines (CSV, JSON). */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Write the delivery report into DIR: report.pdf (a summary and a table per mission: channel, when"
        + " it was sent or posted, in the mission's time and UTC, Message-ID, the server's reply, tracking number,"
        + " outcome), report.csv and report.json with the SHA-256 of every delivered PDF and .eml.",
        "The report's own SHA-256 (over report.json's content, printed on the PDF's first page) seals it: check a"
            + " copy of a letter later with 'demarche verify --report report.json FILE'."})
final class ReportCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "CAMPAIGN", description = "the campaign file (YAML or JSON)")
  Path campaignFile;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "where to write the report's files")
  Path out;

  @Option(names = "--outbox", defaultValue = "out", paramLabel = "DIR",
      description = "the run's output folder whose PDFs and .eml files were delivered (default: out, as run's --out)")
  Path outbox;

  @Option(names = "--journal", paramLabel = "FILE|URL",
      description = "the journal (default: the journals beside the campaign), or jdbc:postgresql://HOST/DB")
  String journal;

  @picocli.CommandLine.Mixin
  CampaignFolders folders = new CampaignFolders();

  @Override
  public Integer call() throws IOException {
    Formats.folder(out, "--out");
    Campaign campaign = folders.load(campaignFile);
    ObjectNode content;
    try (FollowUpJournals journals = FollowUpJournals.open(campaign, journal, System.getenv(), false)) {
      content = DeliveryReport.content(campaign, Engine.demarche().missions(campaign), journals, outbox, Instant.now());
    }
    ObjectNode sealed = DeliveryReport.sealed(content);
    String seal = sealed.get("sha256").asText();
    Files.createDirectories(out);
    byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(sealed);
    AtomicFiles.write(out.resolve("report.json"), o -> o.write(json));
    AtomicFiles.write(out.resolve("report.csv"), o -> csv(content, o));
    byte[] pdf = ReportPdf.of(PrintKits.Renderer.PDF).render("Delivery report: " + campaign.id(),
        campaign.sender().name(), Instant.parse(content.get("generatedAt").asText()).atOffset(ZoneOffset.UTC)
            .toLocalDate(), ReportTables.summary(content, seal), ReportTables.tables(content));
    AtomicFiles.write(out.resolve("report.pdf"), o -> o.write(pdf));
    var o = spec.commandLine().getOut();
    o.println("Wrote report.pdf, report.csv and report.json into " + out.toAbsolutePath().normalize());
    o.println("Report SHA-256 " + seal + " (" + DeliveryReport.listed(content).size() + " delivered files)");
    return DemarcheCli.DONE;
  }

  /** One row per delivered file (a letter without files: one row without). */
  private static void csv(JsonNode content, java.io.OutputStream o) throws IOException {
    CsvWriter w = CsvWriter.of(o, false);
    w.row("letter", "mission", "channel", "state", "sent_at_utc", "sent_at_local", "zone", "posted_on", "tracking",
        "message_id", "server_reply", "after", "file", "sha256", "bytes");
    for (JsonNode l : content.path("letters")) {
      List<String> common = new ArrayList<>();
      for (String f : List.of("id", "mission", "channel", "state", "sentAt", "sentAtLocal", "zone", "postedOn",
          "tracking", "messageId", "serverReply")) {
        common.add(l.path(f).asText(""));
      }
      common.add(ReportTables.after(l));
      List<JsonNode> files = new ArrayList<>();
      l.path("files").forEach(files::add);
      if (files.isEmpty()) {
        w.row(concat(common, List.of("", "", "")));
      }
      for (JsonNode f : files) {
        w.row(concat(common, List.of(f.path("file").asText(), f.path("sha256").asText(), f.path("bytes").asText())));
      }
    }
    for (JsonNode f : content.path("otherFiles")) {
      List<String> row = new ArrayList<>(java.util.Collections.nCopies(12, ""));
      row.set(2, "post (print kit)");
      w.row(concat(row, List.of(f.path("file").asText(), f.path("sha256").asText(), f.path("bytes").asText())));
    }
    w.flush();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
