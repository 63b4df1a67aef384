package org.demarche.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.demarche.core.signatories.ImportOptions;
import org.demarche.core.signatories.InclusionReceipt;
import org.demarche.core.signatories.ListCommitment;
import org.demarche.core.signatories.SaltKey;
import org.demarche.core.signatories.SignatoryImport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
  @TempDir
  Path dir;

  ListCommitment commitment;
  Path receipt;

  @BeforeEach
  void issueAReceipt() throws Exception {
    Path list = dir.resolve("signatories.csv");
    Files.writeString(list, "name,city,country,email,disclosure\nHanako Yamada,Osaka,JP,hanako@example.org,initials\n"
        + "Kenji Sato,Kobe,JP,kenji@example.org,counted-only\nLFNKR,Tokyo,JP,,full\n");
    List<InclusionReceipt> receipts = new ArrayList<>();
    commitment = ListCommitment.issueReceipts(SignatoryImport.read(list, ImportOptions.defaults()).signatories(),
        SaltKey.readOrCreate(SaltKey.fileBeside(list)), receipts::add);
    receipt = dir.resolve("hanako.receipt.json");
    receipts.get(0).write(receipt);
  }



  @Test
  void saysValidForAReceiptAgainstThePrintedCommitment() {
    Cli.Result r = Cli.run("verify", "--commitment", "SHA-256 " + commitment.hex(), "--receipt", receipt.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("valid: Hanako Yamada is one of the 3 signatories of the list with commitment SHA-256 "
        + commitment.hex() + System.lineSeparator());
    assertThat(r.out()).doesNotContain("Kenji", "LFNKR");
  }

  @Test
  void saysInvalidForATamperedReceipt() throws Exception {
    Files.writeString(receipt, Files.readString(receipt).replace("Osaka", "Kyoto"));

    Cli.Result r = Cli.run("verify", "--commitment", commitment.hex(), "--receipt", receipt.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).startsWith("invalid: the receipt does not match commitment SHA-256 " + commitment.hex());
  }

  @Test
  void saysInvalidAgainstAnotherListsCommitment() {
    String other = "0".repeat(64);

    Cli.Result r = Cli.run("verify", "--commitment", other, "--receipt", receipt.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).startsWith("invalid:");
  }

  @Test
  void explainsAMalformedCommitmentOrReceiptWithExitCodeTwo() throws Exception {
    Cli.Result badHex = Cli.run("verify", "--commitment", "xyz", "--receipt", receipt.toString());
    Files.writeString(dir.resolve("junk.json"), "{\"hello\": 1}");
    Cli.Result junk = Cli.run("verify", "--commitment", commitment.hex(), "--receipt", dir.resolve("junk.json").toString());
    Cli.Result missing = Cli.run("verify", "--commitment", commitment.hex(), "--receipt", dir.resolve("none.json").toString());

    assertThat(badHex.exitCode()).isEqualTo(2);
    assertThat(badHex.err()).contains("a list commitment is 64 hexadecimal digits (SHA-256), not 'xyz'");
    assertThat(junk.exitCode()).isEqualTo(2);
    assertThat(junk.err()).contains("junk.json: not a Demarche receipt");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("none.json does not exist");
  }
}
