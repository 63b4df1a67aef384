package org.demarche.render.pdf;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/**
 * An independent check of a signed PDF with BouncyCastle CMS: the signature's bytes (PDFBox only finds the
 * dictionary), the ByteRange bytes cut from the file by hand, and {@link SignerInformation#verify}.
 */
final class SignatureCheck {
  private SignatureCheck() {}

  /** What was found: the signature dictionary's fields, the CMS, and whether it verified. */
  record Result(String subFilter, int[] byteRange, CMSSignedData cms, SignerInformation signer,
      X509Certificate certificate, boolean verifies) {}

  static Result of(byte[] pdf) throws Exception {
    PDSignature signature;
    byte[] contents;
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      signature = doc.getLastSignatureDictionary();
      if (signature == null) {
        throw new AssertionError("the PDF has no signature");
      }
      contents = signature.getContents();
    }
    int[] range = signature.getByteRange();
    byte[] signed = new byte[range[1] + range[3]];
    System.arraycopy(pdf, range[0], signed, 0, range[1]);
    System.arraycopy(pdf, range[2], signed, range[1], range[3]);
    // The hex string is padded with zeros after the DER object, as verifiers expect: read the one object.
    ContentInfo info;
    try (ASN1InputStream in = new ASN1InputStream(contents)) {
      info = ContentInfo.getInstance(in.readObject());
    }
    CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), info);
    SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
    @SuppressWarnings("unchecked")
    X509CertificateHolder holder = (X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID())
        .iterator().next();
    X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
    boolean verifies;
    try {
      verifies = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
    } catch (org.bouncycastle.cms.CMSSignerDigestMismatchException e) {
      verifies = false;
    }
    return new Result(signature.getSubFilter(), range, cms, signer, certificate, verifies);
  }

  /** Whether the ByteRange covers the whole file but the signature's hex string. */
  static boolean coversWholeFile(int[] range, byte[] pdf) throws IOException {
    return range[0] == 0 && range[2] + range[3] == pdf.length && pdf[range[1]] == '<'
        && pdf[range[2] - 1] == '>' && Arrays.stream(range).allMatch(n -> n >= 0);
  }
}
