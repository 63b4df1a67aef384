package org.demarche.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.demarche.core.signatories.InclusionReceipt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code demarche verify --commitment HEX --receipt FILE}: is this signatory in the committed list? */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Check a co-signatory's receipt against the list commitment printed on the petition's annex"
        + " (\"list commitment SHA-256 ...\"). Prints valid or invalid; reveals nothing about other signatories.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:valid", "1:invalid (altered receipt, or another list)", "2:bad usage or unreadable receipt"})
final class VerifyCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--commitment", required = true, paramLabel = "HEX",
      description = "the commitment as printed: 64 hexadecimal digits (a leading 'SHA-256' is allowed)")
  String commitment;

  @Option(names = "--receipt", required = true, paramLabel = "FILE", description = "the signatory's receipt (JSON)")
  Path receipt;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(receipt)) {
      throw new IllegalArgumentException("the receipt file " + receipt + " does not exist");
    }
    InclusionReceipt r = InclusionReceipt.read(receipt);
    InclusionReceipt.Verification v = r.verify(commitment);
    var out = spec.commandLine().getOut();
    out.println((v.valid() ? "valid: " : "invalid: ") + v.reason());
    return v.valid() ? DemarcheCli.DONE : DemarcheCli.SOME_FAILED;
  }
}
