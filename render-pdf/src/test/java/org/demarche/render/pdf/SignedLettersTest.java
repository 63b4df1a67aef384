package org.demarche.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.demarche.core.model.Letter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;

/** Letters signed with a throwaway certificate, checked by independent verifiers. */
class SignedLettersTest {
  private static TestKeystores.Identity ngo;
  private static PdfRenderer signing;

  @BeforeAll
  static void signer() throws Exception {
    VeraGreenfieldFoundryProvider.initialise();
    ngo = TestKeystores.valid();
    signing = PdfRenderer.defaults().signedBy(PdfSigner.of(ngo.keys().getPrivate(), java.util.List.of(ngo.certificate()),
        Optional.of("Petition of the NGO"), Optional.of("Tokyo")));
  }

  private static byte[] signed(Letter letter) {
    return signing.render(letter).content();
  }

  @Test
  void aSignedLetterVerifiesWithBouncyCastleOverItsByteRange() throws Exception {
    byte[] pdf = signed(Letters.english());
    SignatureCheck.Result check = SignatureCheck.of(pdf);
    assertThat(check.verifies()).isTrue();
    assertThat(SignatureCheck.coversWholeFile(check.byteRange(), pdf)).isTrue();
    assertThat(check.certificate()).isEqualTo(ngo.certificate());
  }

  @Test
  void theSignatureIsPadesBaselineBWithTheSigningCertificateV2AndNoSigningTimeAttribute() throws Exception {
    byte[] pdf = signed(Letters.english());
    SignatureCheck.Result check = SignatureCheck.of(pdf);
    assertThat(check.subFilter()).isEqualTo("ETSI.CAdES.detached");
    var attributes = check.signer().getSignedAttributes();
    assertThat(attributes.get(CMSAttributes.signingTime)).isNull();
    SigningCertificateV2 v2 = SigningCertificateV2.getInstance(
        attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2).getAttrValues().getObjectAt(0));
    assertThat(v2.getCerts()[0].getCertHash())
        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(ngo.certificate().getEncoded()));
    assertThat(ASN1OctetString.getInstance(attributes.get(CMSAttributes.messageDigest).getAttrValues().getObjectAt(0))
        .getOctets()).hasSize(32);
  }

  @Test
  void theSignatureDictionaryCarriesNameReasonLocationAndTheLettersDate() throws Exception {
    try (PDDocument doc = Loader.loadPDF(signed(Letters.english()))) {
      PDSignature s = doc.getLastSignatureDictionary();
      assertThat(s.getName()).isEqualTo(TestKeystores.NGO);
      assertThat(s.getReason()).isEqualTo("Petition of the NGO");
      assertThat(s.getLocation()).isEqualTo("Tokyo");
      assertThat(s.getSignDate().toInstant()).isEqualTo(Instant.parse("2026-09-24T00:00:00Z"));
    }
  }

  @Test
  void aChangedByteAfterSigningFailsVerification() throws Exception {
    byte[] pdf = signed(Letters.english());
    int[] range = SignatureCheck.of(pdf).byteRange();
    byte[] changed = pdf.clone();
    int at = range[1] / 2; // inside the original letter, before the signature
    changed[at] = (byte) (changed[at] == 'x' ? 'y' : 'x');
    assertThat(SignatureCheck.of(changed).verifies()).isFalse();
  }

  @Test
  void aSignedLetterStaysPdfA2b() throws Exception {
    assertThat(PdfAConformanceTest.failures(signed(Letters.english()))).isEmpty();
    assertThat(PdfAConformanceTest.failures(signed(Letters.japanese()))).isEmpty();
  }

  @Test
  void signingTheSameLetterTwiceGivesTheSameBytes() {
    assertThat(signed(Letters.english())).isEqualTo(signed(Letters.english()));
  }

  @Test
  void aSignedLetterIsTheUnsignedLetterWithAnIncrementalUpdate() {
    byte[] unsigned = PdfRenderer.defaults().render(Letters.english()).content();
    byte[] pdf = signed(Letters.english());
    assertThat(java.util.Arrays.copyOf(pdf, unsigned.length)).isEqualTo(unsigned);
  }

  @Test
  void writeSignsTooWhatItStreams() throws Exception {
    var out = new java.io.ByteArrayOutputStream();
    signing.write(Letters.english(), out);
    assertThat(out.toByteArray()).isEqualTo(signed(Letters.english()));
  }

  @Test
  void popplersPdfsigFindsTheSignatureValid(@TempDir Path tmp) throws Exception {
    Assumptions.assumeTrue(pdfsigInstalled(), () -> {
      String why = "SignedLettersTest: pdfsig (poppler-utils) is not installed, so poppler's check was SKIPPED;"
          + " .ci/install-poppler installs it";
      System.out.println(why);
      return why;
    });
    Path file = Files.write(tmp.resolve("letter.pdf"), signed(Letters.english()));
    Process p = new ProcessBuilder("pdfsig", file.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(out).contains("Signature Type: ETSI.CAdES.detached", "Signature Validation: Signature is Valid.",
        "Signer Certificate Common Name: " + TestKeystores.NGO, "Total document signed");
  }

  private static boolean pdfsigInstalled() {
    try {
      Process p = new ProcessBuilder("pdfsig", "-v").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
