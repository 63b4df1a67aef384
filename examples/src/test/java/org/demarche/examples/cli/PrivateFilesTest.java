package org.demarche.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, item 7: files that hold personal data are created readable by their owner only (0600). */
class PrivateFilesTest {
  @TempDir
  Path dir;

  private static String permissions(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void journalsEmlFilesLetterPdfsAndThePrintKitOfARunAreOwnerOnly() throws Exception {
    Path campaign = Campaigns.founding(dir);
    Path out = dir.resolve("out");
    assertThat(Cli.run("run", campaign.toString(), "--out", out.toString()).exitCode()).isZero();

    List<Path> files = new ArrayList<>(List.of(dir.resolve("campaign.outbox.journal")));
    try (Stream<Path> s = Files.list(out)) {
      files.addAll(s.toList());
    }
    assertThat(files).anyMatch(p -> p.toString().endsWith(".eml")).anyMatch(p -> p.toString().endsWith(".letters.pdf"));
    for (Path p : files) {
      assertThat(permissions(p)).as(p.toString()).isEqualTo("rw-------");
    }
  }

  @Test
  void theReceiptsAndTheirIndexAreOwnerOnly() throws Exception {
    Path receipts = dir.resolve("receipts");
    assertThat(Cli.run("receipts", Campaigns.founding(dir).toString(), "--out", receipts.toString()).exitCode()).isZero();

    try (Stream<Path> s = Files.list(receipts)) {
      List<Path> files = s.toList();
      assertThat(files).anyMatch(p -> p.getFileName().toString().equals("index.csv"));
      for (Path p : files) {
        assertThat(permissions(p)).as(p.toString()).isEqualTo("rw-------");
      }
    }
  }

  @Test
  void theVoicesIndexIsOwnerOnly() throws Exception {
    Path csv = dir.resolve("supporters.csv");
    Files.writeString(csv, "name,email,city,country,region,latitude,longitude,paragraph\n"
        + "Aiko Tanaka,aiko@example.org,Akita,JP,JP-05,,,My own words from Akita about my neighbours.\n");
    Path out = dir.resolve("voices");
    Cli.Result r = Cli.run("voice", Campaigns.founding(dir).toString(), "--supporters", csv.toString(), "--out",
        out.toString());

    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(permissions(out.resolve("voices.csv"))).isEqualTo("rw-------");
  }
}
