package org.demarche.core.signatories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.Signatories;
import org.demarche.core.model.Signatory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import's one pass: leaves hashed while reading, the annex's rows kept, and the same commitment as before. */
class OnePassImportTest {
  private static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

  @TempDir
  Path dir;

  /** Rows of every kind: quoted newlines, extras, non-Latin names, a name longer than the encoder's first buffer. */
  private Path list(int n) throws Exception {
    StringBuilder csv = new StringBuilder("\uFEFFname,kind,organization,city,country,email,signedAt,disclosure,note\n");
    String[] levels = {"counted-only", "initials", "name-only", "full", ""};
    for (int i = 0; i < n; i++) {
      String name = i == 7 ? "Long " + "名前".repeat(200) : (i % 3 == 0 ? "山田 花子 " : "Kim Min-ji ") + i;
      csv.append(name).append(i % 10 == 0 ? ",organization,Aid Society," : ",person,,")
          .append(i % 4 == 0 ? "" : "Osaka").append(',').append(i % 5 == 0 ? "" : "JP").append(',')
          .append(i % 2 == 0 ? "" : "p" + i + "@example.org").append(',')
          .append(i % 6 == 0 ? "" : i % 6 == 1 ? "2026-09-01T10:00:00Z" : "2026-09-0" + (1 + i % 9)).append(',')
          .append(levels[i % levels.length])
          .append(i % 11 == 0 ? ",\"a note, with a comma\nand a second line\"\n" : ",\n");
    }
    Path file = dir.resolve("signatories.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    return file;
  }

  private static List<Signatory> all(Signatories list) {
    try (Stream<Signatory> s = list.stream()) {
      return s.toList();
    }
  }

  @Test
  void theCommitmentHashedWhileImportingEqualsOneComputedFromTheListReadAgain() throws Exception {
    Path file = list(500);
    CommittedSignatories list = SignatoryImport.read(file, ImportOptions.defaults()).signatories();
    ListCommitment c = list.commitment();
    assertThat(c.size()).isEqualTo(500);
    assertThat(c).isEqualTo(ListCommitment.compute(Signatories.of(all(list)), SaltKey.read(SaltKey.fileBeside(file))));
  }

  @Test
  void theCommitmentIsTheOneTheCodeBeforeTheOnePassImportGaveForTheSameFileAndKey() throws Exception {
    Path file = list(300);
    SaltKey.ofHex(KEY).write(SaltKey.fileBeside(file));
    ListCommitment now = SignatoryImport.read(file, ImportOptions.defaults()).signatories().commitment();
    assertThat(now).isEqualTo(LegacyCsvSignatories.read(file).commitment());
    // Printed by the code of cc4634f (before this change), compiled on its own, for this file and key:
    // a commitment already printed, and the receipts issued against it, keep verifying.
    assertThat(now.hex()).isEqualTo("b9cfe6b9deba8857317f3ff52cbc2b59a6cdb4513061b52b5861d1a25768dbc9");
  }

  @Test
  void importingWritesNoSaltsFileUntilTheCommitmentIsAskedFor() throws Exception {
    Path file = list(20);
    Path salts = SaltKey.fileBeside(file);
    CommittedSignatories list = SignatoryImport.read(file, ImportOptions.defaults()).signatories();
    assertThat(salts).doesNotExist();
    ListCommitment c = list.commitment();
    assertThat(salts).isRegularFile();
    assertThat(c).isEqualTo(ListCommitment.compute(list, SaltKey.read(salts)));
  }

  @Test
  void aSaltsFileWrittenByAnotherProcessAfterTheImportIsTheKeyTheCommitmentUses() throws Exception {
    Path file = list(20);
    Path salts = SaltKey.fileBeside(file);
    CommittedSignatories list = SignatoryImport.read(file, ImportOptions.defaults()).signatories();
    SaltKey other = SaltKey.ofHex(KEY);
    other.write(salts);
    assertThat(list.commitment()).isEqualTo(ListCommitment.compute(Signatories.of(all(list)), other));
  }

  @Test
  void aSkippedBadRowHasNoLeafAndMovesNoOneElse() throws Exception {
    Path file = dir.resolve("signatories.csv");
    Files.writeString(file, "name,country\nHanako,JP\n,JP\nMin-ji,XX\nAid Society,KR\n", StandardCharsets.UTF_8);
    SignatoryImport.Imported in = SignatoryImport.read(file, ImportOptions.defaults().withSkipBadRows(true));
    assertThat(in.report().skipped()).isEqualTo(2);
    ListCommitment c = in.signatories().commitment();
    List<Signatory> good = all(in.signatories());
    assertThat(good).extracting(Signatory::name).containsExactly("Hanako", "Aid Society");
    assertThat(c).isEqualTo(ListCommitment.compute(Signatories.of(good), SaltKey.read(SaltKey.fileBeside(file))));
  }

  @Test
  void theAnnexRowsKeptByTheImportShowWhatEachSignatoryShowsUnderEveryCap() throws Exception {
    CommittedSignatories list = SignatoryImport.read(list(200), ImportOptions.defaults()).signatories();
    List<Signatory> people = all(list);
    for (Disclosure cap : Disclosure.values()) {
      try (Stream<Optional<String>> shown = list.displayed(cap)) {
        List<Optional<String>> got = shown.toList();
        assertThat(got).as("cap %s", cap).isEqualTo(people.stream().map(s -> s.displayed(cap)).toList());
        assertThat(got.stream().anyMatch(Optional::isPresent)).as("cap %s", cap)
            .isEqualTo(cap != Disclosure.COUNTED_ONLY);
      }
    }
  }

  @Test
  void aListCappedAtImportShowsNoMoreThanItsCap() throws Exception {
    CommittedSignatories list = SignatoryImport.read(list(50),
        ImportOptions.defaults().withDisclosureCap(Disclosure.INITIALS)).signatories();
    try (Stream<Optional<String>> shown = list.displayed(Disclosure.FULL)) {
      assertThat(shown.flatMap(Optional::stream).toList()).isNotEmpty()
          .contains("K. M. J. 1", "L. 名").noneMatch(s -> s.contains("Kim") || s.contains("Osaka"));
    }
  }

  @Test
  void aDuplicateFoundAfterTheTableHasGrownNamesTheFirstRowsLineAndColumn() throws Exception {
    StringBuilder csv = new StringBuilder("name,city,email\n");
    for (int i = 0; i < 10_000; i++) {
      csv.append("Person ").append(i).append(",Osaka,").append(i % 2 == 0 ? "" : "p" + i + "@example.org").append('\n');
    }
    csv.append("Again,Kobe,P1@example.org\nperson  0,OSAKA,\n");
    Path file = dir.resolve("signatories.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    ImportReport r = SignatoryImport.read(file, ImportOptions.defaults()).report();
    assertThat(r.duplicates()).extracting(d -> d.at().line() + ":" + d.at().column() + "=" + d.first().line() + ":"
        + d.first().column() + " " + d.rule())
        .containsExactly("10002:3=3:3 EMAIL", "10003:1=2:1 NAME_AND_CITY");
  }

  @Test
  void leavesCrowdingOneBucketAreSortedAsUnsignedBytes() {
    Random random = new Random(21);
    LeafList leaves = new LeafList(SaltKey.ofHex(KEY));
    List<byte[]> expected = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      byte[] leaf = new byte[Merkle.HASH];
      random.nextBytes(leaf);
      if (i % 3 == 0) {
        leaf[0] = (byte) 0xff; // 1,000 leaves in one bucket: the crowded-bucket path
        leaf[1] = (byte) 0x80;
      } else if (i % 3 == 1) {
        leaf[0] = (byte) (i % 5); // a few dozen in each of five buckets: the insertion path
        leaf[1] = 0;
      }
      leaves.addLeaf(leaf);
      expected.add(leaf);
    }
    expected.sort(Arrays::compareUnsigned);
    leaves.sort();
    assertThat(leaves.toArrays()).isDeepEqualTo(expected.toArray(new byte[0][]));
  }

  @Test
  void theFoldedRootIsTheTreeRootForEverySmallSize() {
    Random random = new Random(6962);
    MessageDigest md = Merkle.sha256();
    for (int n = 0; n <= 70; n++) {
      LeafList leaves = new LeafList(SaltKey.ofHex(KEY));
      byte[][] copy = new byte[n][];
      for (int i = 0; i < n; i++) {
        copy[i] = new byte[Merkle.HASH];
        random.nextBytes(copy[i]);
        leaves.addLeaf(copy[i]);
      }
      Merkle.sort(copy);
      byte[] root = Merkle.root(md, copy, n);
      assertThat(leaves.commitment().hex()).as("n=%d", n)
          .isEqualTo(java.util.HexFormat.of().formatHex(Merkle.commitment(md, n, root)));
    }
  }

  @Test
  void datesReadByHandAreTheDaysTheFormatterReads() {
    for (String at : List.of("2026-09-01", "2024-02-29", "0000-01-01", "9999-12-31")) {
      assertThat(SignatoryFields.date(at)).as(at).isEqualTo(LocalDate.parse(at));
    }
    for (String at : List.of("2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "+026-01-01", "2026/09/01",
        "2026-9-011", "２０２６-09-01")) {
      assertThatThrownBy(() -> LocalDate.parse(at)).as(at).isInstanceOf(DateTimeException.class);
      assertThatThrownBy(() -> SignatoryFields.date(at)).as(at).isInstanceOf(DateTimeException.class);
    }
  }
}
