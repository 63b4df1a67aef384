package org.demarche.examples.cli;

import java.io.IOException;
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
import org.demarche.core.files.AtomicFiles;
import org.demarche.core.files.CsvWriter;
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
    Formats.folder(out, "--out");
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    AtomicLong written = new AtomicLong();
    ListCommitment[] commitment = new ListCommitment[1];
    // The index names people: one CSV writer (formulas neutralized), a fresh private file moved into place,
    // never written through a link planted at its name.
    AtomicFiles.write(out.resolve("index.csv"), AtomicFiles.Access.PRIVATE, stream -> {
      CsvWriter index = CsvWriter.of(stream, false);
      index.row("name", "email", "receipt");
      commitment[0] = list.issueReceipts(receipt -> {
        // Named after the salt's hash: the file name says nothing about the person.
        String name = "receipt-" + HexFormat.of().formatHex(
            sha.digest(receipt.salt().getBytes(StandardCharsets.US_ASCII)), 0, 8) + ".json";
        receipt.write(out.resolve(name));
        try {
          index.row(receipt.signatory().name(), receipt.signatory().email().orElse(""), name);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        written.incrementAndGet();
      });
      index.flush();
    });
    var o = spec.commandLine().getOut();
    o.println("Wrote " + Formats.count(written.get(), "receipt") + " into " + out.toAbsolutePath().normalize());
    o.println("They verify against: " + Formats.count(commitment[0].size(), "co-signatory", "co-signatories") + "; list commitment SHA-256 "
        + commitment[0].hex());
    o.println("index.csv says which receipt goes to whom: it holds names and emails, keep it private.");
    return DemarcheCli.DONE;
  }
}
