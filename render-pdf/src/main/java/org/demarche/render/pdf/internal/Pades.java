package org.demarche.render.pdf.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A PAdES baseline B-B signature on a finished PDF: an incremental update that adds an invisible, printable
 * signature field whose value has SubFilter {@code ETSI.CAdES.detached}, and a detached CMS signature over the
 * file's bytes (the ByteRange) with the signing-certificate-v2 attribute and no signing-time attribute (PAdES
 * puts the time in the signature dictionary's {@code /M}). With an RSA key (PKCS#1 v1.5) and the same time,
 * the same PDF is signed to the same bytes.
 */
public final class Pades {
  private Pades() {}

  /** What goes into the signature dictionary besides the signature itself. */
  public record Details(String name, Optional<String> reason, Optional<String> location, Instant time) {}

  /**
   * {@code pdf}, signed.
   *
   * @param chain the signing certificate first, then the rest of its chain as the keystore holds it
   */
  public static byte[] sign(byte[] pdf, PrivateKey key, List<X509Certificate> chain, Details details)
      throws IOException, GeneralSecurityException {
    try (PDDocument doc = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
      signature.setName(details.name());
      details.reason().ifPresent(signature::setReason);
      details.location().ifPresent(signature::setLocation);
      Calendar when = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
      when.setTimeInMillis(details.time().toEpochMilli());
      signature.setSignDate(when);
      // The incremental update's new file id is derived from this rather than from the clock.
      doc.setDocumentId(details.time().toEpochMilli());
      options.setPreferredSignatureSize(room(chain));
      doc.addSignature(signature, options);
      // PDF/A: every annotation, the invisible signature widget too, is printable.
      for (PDSignatureField field : doc.getSignatureFields()) {
        field.getWidgets().forEach(w -> w.setPrinted(true));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * room(chain) + 4096);
      ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
      byte[] signed;
      try (InputStream content = external.getContent()) {
        signed = cms(content.readAllBytes(), key, chain);
      }
      external.setSignature(signed);
      return out.toByteArray();
    }
  }

  /** Bytes reserved for the CMS signature: the certificates it carries, the signature value and the attributes. */
  private static int room(List<X509Certificate> chain) throws CertificateEncodingException {
    int certificates = 0;
    for (X509Certificate c : chain) {
      certificates += c.getEncoded().length;
    }
    return certificates + 2048; // signed attributes, algorithm ids and a signature of up to 8192 bits
  }

  static byte[] cms(byte[] content, PrivateKey key, List<X509Certificate> chain)
      throws GeneralSecurityException, IOException {
    X509Certificate certificate = chain.get(0);
    String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
    try {
      JcaSignerInfoGeneratorBuilder signerInfo = new JcaSignerInfoGeneratorBuilder(
          new JcaDigestCalculatorProviderBuilder().build());
      byte[] certificateHash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      signerInfo.setSignedAttributeGenerator(parameters -> signedAttributes(parameters, certificate, certificateHash));
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(signerInfo.build(new JcaContentSignerBuilder(algorithm).build(key), certificate));
      generator.addCertificates(new JcaCertStore(chain));
      return generator.generate(new CMSProcessableByteArray(content), false).toASN1Structure()
          .getEncoded(ASN1Encoding.DER);
    } catch (OperatorCreationException | CMSException e) {
      throw new GeneralSecurityException("the CMS signature could not be made: " + e.getMessage(), e);
    }
  }

  /** Content type, message digest and the signing certificate v2 (ESS, RFC 5035); no signing time. */
  @SuppressWarnings("rawtypes")
  private static AttributeTable signedAttributes(Map parameters, X509Certificate certificate, byte[] certificateHash) {
    ASN1EncodableVector v = new ASN1EncodableVector();
    Object contentType = parameters.get(CMSAttributeTableGenerator.CONTENT_TYPE);
    if (contentType != null) {
      v.add(new Attribute(CMSAttributes.contentType, new DERSet((ASN1Encodable) contentType)));
    }
    v.add(new Attribute(CMSAttributes.messageDigest,
        new DERSet(new DEROctetString((byte[]) parameters.get(CMSAttributeTableGenerator.DIGEST)))));
    IssuerSerial issuerSerial = new IssuerSerial(
        new GeneralNames(new GeneralName(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))),
        certificate.getSerialNumber());
    v.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
        new DERSet(new SigningCertificateV2(new ESSCertIDv2(certificateHash, issuerSerial)))));
    return new AttributeTable(v);
  }
}
