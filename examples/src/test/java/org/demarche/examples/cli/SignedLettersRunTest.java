package org.demarche.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, item 5 through the runner: the founding campaign with {@code delivery.pdf.signKeystore} (a throwaway
 * certificate made here) run by {@code demarche run} in a child JVM, with the password in its environment.
 */
class SignedLettersRunTest {
  private static final String PASSWORD = "test-only-keystore-password";

  @TempDir
  Path dir;
  private Path campaign;
  private X509Certificate certificate;

  @BeforeEach
  void signedCampaign() throws Exception {
    campaign = Campaigns.withChange(dir, "  renderer: pdf\n", "  renderer: pdf\n  pdf:\n    signKeystore: ngo.p12\n"
        + "    signReason: Petition of Life Funds for North Korean Refugees\n    signLocation: Tokyo\n");
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    X500Name name = new X500Name("CN=LFNKR test signer, O=Test, C=JP");
    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
        BigInteger.ONE, Date.from(from), Date.from(from.plusSeconds(3650L * 86400)), name, keys.getPublic())
        .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("ngo", keys.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {certificate});
    try (OutputStream out = Files.newOutputStream(dir.resolve("ngo.p12"))) {
      store.store(out, PASSWORD.toCharArray());
    }
  }

  @Test
  void anOutboxRunSignsEveryLetterAndTranslationWithTheKeystoreFromTheCampaign() throws Exception {
    Path out = dir.resolve("out");
    Child run = demarche(Map.of("DEMARCHE_SIGN_PASSWORD", PASSWORD), "run", campaign.toString(), "--out", out.toString(),
        "--allow-draft-translations");
    assertThat(run.exitCode()).as(run.output()).isZero();
    List<Path> letters = letters(out);
    assertThat(letters).hasSize(14); // 7 missions, each an English letter and its Chinese translation
    for (Path letter : letters) {
      assertThat(verifies(Files.readAllBytes(letter))).as(letter.getFileName().toString()).isTrue();
    }
  }

  @Test
  void signedLettersWrittenAgainAfterACleanupAreByteForByteTheSame() throws Exception {
    Path out = dir.resolve("out");
    Map<String, String> password = Map.of("DEMARCHE_SIGN_PASSWORD", PASSWORD);
    assertThat(demarche(password, "run", campaign.toString(), "--out", out.toString()).exitCode()).isZero();
    Map<Path, byte[]> first = new java.util.HashMap<>();
    for (Path letter : letters(out)) {
      first.put(letter.getFileName(), Files.readAllBytes(letter));
    }
    try (Stream<Path> files = Files.list(out)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Child again = demarche(password, "run", campaign.toString(), "--out", out.toString());
    assertThat(again.exitCode()).as(again.output()).isZero();
    assertThat(first).hasSize(7);
    first.forEach((name, bytes) -> assertThat(out.resolve(name)).as(name.toString()).hasBinaryContent(bytes));
  }

  @Test
  void aRunWithoutThePasswordRefusesNamingTheVariableAndTheField() throws Exception {
    Child run = demarche(Map.of(), "run", campaign.toString(), "--out", dir.resolve("out").toString());
    assertThat(run.exitCode()).as(run.output()).isEqualTo(DemarcheCli.INVALID);
    assertThat(run.output()).contains("delivery.pdf.signKeystore", "DEMARCHE_SIGN_PASSWORD").doesNotContain("\tat ");
    assertThat(dir.resolve("out").resolve("cn-cg-jp-osaka.en.pdf")).doesNotExist();
  }

  @Test
  void validateWithAWrongPasswordNamesTheKeystoreAndTheField() throws Exception {
    Child validate = demarche(Map.of("DEMARCHE_SIGN_PASSWORD", "not-the-password-42"), "validate", campaign.toString());
    assertThat(validate.exitCode()).as(validate.output()).isEqualTo(DemarcheCli.INVALID);
    assertThat(validate.output()).contains("delivery.pdf.signKeystore", "ngo.p12", "password")
        .doesNotContain("not-the-password-42");
  }

  @Test
  void validateWithoutThePasswordWarnsAndPasses() {
    Assumptions.assumeTrue(System.getenv("DEMARCHE_SIGN_PASSWORD") == null,
        "DEMARCHE_SIGN_PASSWORD is set in this test's environment");
    Cli.Result r = Cli.run("validate", campaign.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("demarche: warning: ", "delivery.pdf.signKeystore", "DEMARCHE_SIGN_PASSWORD");
  }

  @Test
  void aMissingKeystoreIsRefusedAtLoadNamingTheFileAndTheField() throws Exception {
    Files.delete(dir.resolve("ngo.p12"));
    Cli.Result r = Cli.run("validate", campaign.toString());
    assertThat(r.exitCode()).isEqualTo(DemarcheCli.INVALID);
    assertThat(r.err()).contains("delivery.pdf.signKeystore", "ngo.p12").doesNotContain("\tat ");
  }

  private static List<Path> letters(Path out) throws Exception {
    try (Stream<Path> files = Files.list(out)) {
      return files.filter(f -> f.getFileName().toString().matches("cn-[a-z-]+\\.(en|zh)\\.pdf")).sorted().toList();
    }
  }

  /** BouncyCastle CMS over the ByteRange bytes, independent of the signing code. */
  private boolean verifies(byte[] pdf) throws Exception {
    PDSignature signature;
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      signature = doc.getLastSignatureDictionary();
    }
    assertThat(signature).as("a signature").isNotNull();
    assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
    int[] range = signature.getByteRange();
    assertThat(range[2] + range[3]).as("the ByteRange reaches the end of the file").isEqualTo(pdf.length);
    byte[] signed = new byte[range[1] + range[3]];
    System.arraycopy(pdf, range[0], signed, 0, range[1]);
    System.arraycopy(pdf, range[2], signed, range[1], range[3]);
    ContentInfo info;
    try (ASN1InputStream in = new ASN1InputStream(signature.getContents())) {
      info = ContentInfo.getInstance(in.readObject());
    }
    SignerInformation signer = new CMSSignedData(new CMSProcessableByteArray(signed), info).getSignerInfos()
        .getSigners().iterator().next();
    return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
  }

  private record Child(int exitCode, String output) {}

  /** The runner in a child JVM whose environment holds {@code environment} (and no inherited password). */
  private Child demarche(Map<String, String> environment, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Ddemarche.plain=true", "-cp", System.getProperty("java.class.path"),
        "org.demarche.examples.cli.DemarcheCli"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("DEMARCHE_SIGN_PASSWORD");
    builder.environment().putAll(environment);
    Process p = builder.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the runner finished").isTrue();
    return new Child(p.exitValue(), output);
  }
}
