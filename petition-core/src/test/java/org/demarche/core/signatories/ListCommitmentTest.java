package org.demarche.core.signatories;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.Signatories;
import org.demarche.core.model.Signatory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListCommitmentTest {
  private static final SaltKey KEY = SaltKey.ofHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");

  @TempDir
  Path dir;

  static Signatories people(int n) {
    List<Signatory> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new Signatory(Signatory.Kind.PERSON, "Person " + i, Optional.empty(), Optional.of("City " + (i % 7)),
          Optional.of(i % 2 == 0 ? "JP" : "KR"), Optional.of("p" + i + "@example.org"), Optional.empty(),
          Disclosure.values()[i % 4], Map.of()));
    }
    return Signatories.of(out);
  }

  private static List<InclusionReceipt> receipts(Signatories list, SaltKey key, ListCommitment[] commitment) {
    List<InclusionReceipt> out = new ArrayList<>();
    commitment[0] = ListCommitment.issueReceipts(list, key, out::add);
    return out;
  }

  @Test
  void everyReceiptVerifiesAgainstThePrintedCommitmentForListsOfEverySmallSize() {
    for (int n = 1; n <= 33; n++) {
      ListCommitment[] c = new ListCommitment[1];
      List<InclusionReceipt> rs = receipts(people(n), KEY, c);
      assertThat(c[0]).isEqualTo(ListCommitment.compute(people(n), KEY));
      assertThat(rs).hasSize(n);
      for (InclusionReceipt r : rs) {
        InclusionReceipt.Verification v = r.verify(c[0].hex());
        assertThat(v.valid()).as("list of %d, %s: %s", n, r.signatory().name(), v.reason()).isTrue();
      }
    }
  }

  @Test
  void aReceiptSurvivesItsJsonFile() {
    ListCommitment[] c = new ListCommitment[1];
    InclusionReceipt r = receipts(people(12), KEY, c).get(5);
    Path f = dir.resolve("receipt.json");
    r.write(f);

    InclusionReceipt back = InclusionReceipt.read(f);

    assertThat(back).isEqualTo(r);
    assertThat(back.verify("SHA-256 " + c[0].hex().toUpperCase()).valid()).isTrue();
  }

  @Test
  void aTamperedReceiptDoesNotVerify() {
    ListCommitment[] c = new ListCommitment[1];
    InclusionReceipt r = receipts(people(12), KEY, c).get(5);
    Signatory s = r.signatory();
    List<InclusionReceipt> tampered = List.of(
        new InclusionReceipt(new Signatory(s.kind(), s.name() + "x", s.organization(), s.city(), s.country(), s.email(),
            s.signedAt(), s.disclosure(), Map.of()), r.salt(), r.position(), r.listSize(), r.proof()),
        new InclusionReceipt(new Signatory(s.kind(), s.name(), s.organization(), s.city(), s.country(), s.email(),
            s.signedAt(), Disclosure.FULL, Map.of()), r.salt(), r.position(), r.listSize(), r.proof()),
        new InclusionReceipt(s, flip(r.salt()), r.position(), r.listSize(), r.proof()),
        new InclusionReceipt(s, r.salt(), (r.position() + 1) % 12, r.listSize(), r.proof()),
        new InclusionReceipt(s, r.salt(), r.position(), 13, r.proof()),
        new InclusionReceipt(s, r.salt(), r.position(), r.listSize(), withFlipped(r.proof(), 0)),
        new InclusionReceipt(s, r.salt(), r.position(), r.listSize(), withFlipped(r.proof(), r.proof().size() - 1)),
        new InclusionReceipt(s, r.salt(), r.position(), r.listSize(), r.proof().subList(0, r.proof().size() - 1)));

    for (InclusionReceipt t : tampered) {
      assertThat(t.verify(c[0].hex()).valid()).as(t.toString()).isFalse();
    }
    assertThat(r.verify(flip(c[0].hex())).valid()).isFalse();
  }

  @Test
  void aTamperedListGivesAnotherCommitmentAgainstWhichOldReceiptsFail() {
    ListCommitment[] c = new ListCommitment[1];
    List<InclusionReceipt> rs = receipts(people(40), KEY, c);
    List<Signatory> changed = new ArrayList<>(people(40).stream().toList());
    Signatory s = changed.get(17);
    changed.set(17, new Signatory(s.kind(), s.name(), s.organization(), Optional.of("Elsewhere"), s.country(), s.email(),
        s.signedAt(), s.disclosure(), Map.of()));

    ListCommitment other = ListCommitment.compute(Signatories.of(changed), KEY);
    ListCommitment shorter = ListCommitment.compute(Signatories.of(changed.subList(0, 39)), KEY);

    assertThat(other.hex()).isNotEqualTo(c[0].hex());
    assertThat(shorter.hex()).isNotEqualTo(c[0].hex());
    assertThat(rs).allSatisfy(r -> assertThat(r.verify(other.hex()).valid()).isFalse());
  }

  @Test
  void theSameListAndSaltsGiveTheSameCommitmentAndAnotherKeyAnother() {
    ListCommitment a = ListCommitment.compute(people(100), KEY);
    ListCommitment b = ListCommitment.compute(people(100), KEY);
    ListCommitment other = ListCommitment.compute(people(100), SaltKey.generate());

    assertThat(a).isEqualTo(b);
    assertThat(other.hex()).isNotEqualTo(a.hex());
    assertThat(a.size()).isEqualTo(100);
  }

  @Test
  void theTreeHasTheRootOfRfc6962() {
    for (int n = 1; n <= 20; n++) {
      MessageDigest md = Merkle.sha256();
      byte[][] leaves = new byte[n][];
      for (int i = 0; i < n; i++) {
        leaves[i] = md.digest(new byte[] {(byte) i});
      }
      Merkle.sort(leaves);
      byte[] expected = rfc6962(md, Arrays.asList(leaves));
      assertThat(Merkle.root(md, leaves.clone(), n)).as("n=%d", n).isEqualTo(expected);
    }
  }

  private static byte[] rfc6962(MessageDigest md, List<byte[]> d) {
    if (d.size() == 1) {
      return d.get(0);
    }
    int k = Integer.highestOneBit(d.size() - 1);
    return Merkle.node(md, rfc6962(md, d.subList(0, k)), rfc6962(md, d.subList(k, d.size())));
  }

  @Test
  void aReceiptCarriesNoOtherSignatorysNameOrEmail() {
    ListCommitment[] c = new ListCommitment[1];
    List<InclusionReceipt> rs = receipts(people(25), KEY, c);

    String json = rs.get(3).toJson();

    assertThat(json).contains(rs.get(3).signatory().name() + "\"");
    for (int i = 0; i < 25; i++) {
      if (!rs.get(3).signatory().name().equals("Person " + i)) {
        assertThat(json).doesNotContain("\"Person " + i + "\"").doesNotContain("p" + i + "@example.org");
      }
    }
  }

  @Test
  void theSaltsFileIsCreatedOnceWithOwnerOnlyPermissionsAndReadBack() throws Exception {
    Path list = dir.resolve("signatories.csv");
    Path salts = SaltKey.fileBeside(list);

    SaltKey first = SaltKey.readOrCreate(salts);
    SaltKey again = SaltKey.readOrCreate(salts);

    assertThat(salts.getFileName().toString()).isEqualTo("signatories.csv.salts");
    assertThat(again).isEqualTo(first);
    assertThat(Files.getPosixFilePermissions(salts)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
        PosixFilePermission.OWNER_WRITE);
    assertThat(first.toString()).doesNotContain(Files.readString(salts).replaceAll("(?s).*key: ", "").strip());
  }

  @Test
  void aCampaignsCsvListIsCommittedWithTheSaltsFileBesideIt() throws Exception {
    Path list = dir.resolve("signatories.csv");
    Files.writeString(list, "name,city,country,disclosure\nHanako,Osaka,JP,full\nKenji,Kobe,JP,initials\n");
    CommittedSignatories s = SignatoryImport.read(list, ImportOptions.defaults()).signatories();

    ListCommitment c = s.commitment();

    assertThat(Files.exists(SaltKey.fileBeside(list))).isTrue();
    assertThat(c).isEqualTo(ListCommitment.compute(s, SaltKey.read(SaltKey.fileBeside(list))));
    assertThat(SignatoryImport.read(list, ImportOptions.defaults()).signatories().commitment()).isEqualTo(c);
    assertThat(c.size()).isEqualTo(2);
  }

  private static String flip(String hex) {
    byte[] b = HexFormat.of().parseHex(hex);
    b[0] ^= 1;
    return HexFormat.of().formatHex(b);
  }

  private static List<String> withFlipped(List<String> proof, int i) {
    List<String> out = new ArrayList<>(proof);
    out.set(i, flip(out.get(i)));
    return out;
  }
}
