package org.demarche.examples.cli;

import java.io.IOException;
import org.demarche.core.files.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.demarche.core.model.Campaign;
import org.demarche.core.signatories.CommittedSignatories;
import org.demarche.core.signatories.ListCommitment;
import org.demarche.core.signatories.SignatoryExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code demarche receipts CAMPAIGN --out DIR}: one private inclusion receipt per co-signatory. */
@Command(name = "receipts", mixinStandardHelpOptions = true,
    description = {"Write each co-signatory's inclusion receipt (their salt and proof) against the list commitment"
        + " printed on the annex, and a private index telling the NGO which receipt goes to whom.",
        "Send each person only their own receipt; keep the index and the salts file private."})
final class ReceiptsCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "CAMPAIGN", description = "the campaign file")
  Path campaignFile;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "where the receipts go")
  Path out;

  @Override
  public Integer call() throws IOException, NoSuchAlgorithmException {
    Campaign campaign = Engine.load(campaignFile);
    if (!(campaign.signatories() instanceof CommittedSignatories list)) {
      throw new IllegalArgumentException("receipts need the campaign's co-signatories in a CSV or JSON file"
          + " (signatories: signatories.csv), whose salts file is kept beside it");
    }
    Files.createDirectories(out);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    AtomicLong written = new AtomicLong();
    ListCommitment commitment;
    // Names and emails: written whole, readable by the owner only, never through a link at its place.
    StringBuilder index = new StringBuilder("name,email,receipt\r\n");
    commitment = list.issueReceipts(receipt -> {
      // Named after the salt's hash: the file name says nothing about the person.
      String name = "receipt-" + HexFormat.of().formatHex(
          sha.digest(receipt.salt().getBytes(StandardCharsets.US_ASCII)), 0, 8) + ".json";
      receipt.write(out.resolve(name));
      index.append(SignatoryExport.cell(receipt.signatory().name())).append(',')
          .append(SignatoryExport.cell(receipt.signatory().email().orElse(""))).append(',').append(name).append("\r\n");
      written.incrementAndGet();
    });
    AtomicFiles.write(out.resolve("index.csv"), AtomicFiles.Access.PRIVATE,
        o -> o.write(index.toString().getBytes(StandardCharsets.UTF_8)));
    var o = spec.commandLine().getOut();
    o.println("Wrote " + written.get() + " receipts into " + out.toAbsolutePath().normalize());
    o.println("They verify against: " + commitment.size() + " co-signatories; list commitment SHA-256 "
        + commitment.hex());
    o.println("index.csv says which receipt goes to whom: it holds names and emails, keep it private.");
    return DemarcheCli.DONE;
  }
}
