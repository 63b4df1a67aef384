package org.demarche.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.demarche.core.signatories.InclusionReceipt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code demarche verify --commitment HEX --receipt FILE}: is this signatory in the committed list? And
 * {@code demarche verify --report report.json FILE...}: is each file, byte for byte, one the delivery report lists?
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Check a co-signatory's receipt against the list commitment printed on the petition's annex"
        + " (\"list commitment SHA-256 ...\"). Prints valid or invalid; reveals nothing about other signatories.",
        "With --report: check that each FILE is, byte for byte, a letter (PDF or .eml) the delivery report lists, and"
            + " that the report itself is unaltered (its SHA-256, as printed on report.pdf)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:valid (every FILE is in the report)", "1:invalid (altered receipt, another list; a FILE"
        + " changed or not in the report, or an altered report)", "2:bad usage or unreadable receipt or report"})
final class VerifyCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--commitment", paramLabel = "HEX",
      description = "the commitment as printed: 64 hexadecimal digits (a leading 'SHA-256' is allowed)")
  String commitment;

  @Option(names = "--receipt", paramLabel = "FILE", description = "the signatory's receipt (JSON)")
  Path receipt;

  @Option(names = "--report", paramLabel = "REPORT", description = "the delivery report's report.json")
  Path report;

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "with --report: the letters to check")
  List<Path> files = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    if (report != null) {
      if (commitment != null || receipt != null || files.isEmpty()) {
        throw new IllegalArgumentException("verify --report REPORT FILE...: name the report and one or more files"
            + " (--commitment and --receipt check a receipt, separately)");
      }
      return verifyReport();
    }
    if (commitment == null || receipt == null || !files.isEmpty()) {
      throw new IllegalArgumentException("verify needs --commitment HEX --receipt FILE (a co-signatory's receipt), or"
          + " --report report.json FILE... (delivered letters)");
    }
    if (!Files.isRegularFile(receipt)) {
      throw new IllegalArgumentException("the receipt file " + receipt + " does not exist");
    }
    InclusionReceipt r = InclusionReceipt.read(receipt);
    InclusionReceipt.Verification v = r.verify(commitment);
    var out = spec.commandLine().getOut();
    out.println((v.valid() ? "valid: " : "invalid: ") + v.reason());
    return v.valid() ? DemarcheCli.DONE : DemarcheCli.SOME_FAILED;
  }

  private int verifyReport() throws IOException {
    JsonNode root = readReport();
    PrintWriter out = spec.commandLine().getOut();
    String stated = root.path("sha256").asText();
    String actual = DeliveryReport.seal(root.get("content"));
    if (!actual.equals(stated)) {
      out.println("invalid: the report " + report + " has been altered: it states SHA-256 " + stated + " but its content"
          + " has SHA-256 " + actual);
      return DemarcheCli.SOME_FAILED;
    }
    List<DeliveryReport.Listed> listed = DeliveryReport.listed(root.get("content"));
    boolean all = true;
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new IllegalArgumentException("the file " + f + " does not exist");
      }
      String hash = DeliveryReport.sha256(f);
      Optional<DeliveryReport.Listed> match = listed.stream().filter(l -> l.sha256().equals(hash)).findFirst();
      if (match.isPresent()) {
        out.println("valid: " + f + " is " + match.get().file() + (match.get().letter().isEmpty() ? ""
            : " of the letter to " + match.get().letter()) + ", SHA-256 " + hash + ", in report SHA-256 " + stated);
        continue;
      }
      all = false;
      Optional<DeliveryReport.Listed> named = listed.stream()
          .filter(l -> l.file().equals(f.getFileName().toString())).findFirst();
      out.println("invalid: " + f + " (SHA-256 " + hash + ") is no file of report SHA-256 " + stated
          + named.map(n -> "; the report's " + n.file() + " has SHA-256 " + n.sha256() + ": this copy was changed")
              .orElse(""));
    }
    return all ? DemarcheCli.DONE : DemarcheCli.SOME_FAILED;
  }

  private JsonNode readReport() throws IOException {
    if (!Files.isRegularFile(report)) {
      throw new IllegalArgumentException("the report file " + report + " does not exist");
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(report.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(report + ": not a Demarche delivery report (not JSON)");
    }
    if (root == null || !DeliveryReport.FORMAT.equals(root.path("format").asText()) || !root.has("content")) {
      throw new IllegalArgumentException(report + ": not a Demarche delivery report (format "
          + DeliveryReport.FORMAT + " expected)");
    }
    return root;
  }
}
