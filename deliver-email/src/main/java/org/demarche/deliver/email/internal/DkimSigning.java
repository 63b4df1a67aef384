package org.demarche.deliver.email.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.demarche.deliver.email.SmtpSettings;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;

/**
 * DKIM signing with the library Simple Java Mail's dkim-module uses, configured as that module does
 * (relaxed/relaxed, rsa-sha256, i= the From address), but without its DNS lookup of the public key
 * before every message.
 */
public final class DkimSigning {
  private final SmtpSettings.Dkim config;
  private final RSAPrivateKey key;

  public DkimSigning(SmtpSettings.Dkim config) {
    this.config = config;
    this.key = loadKey(config.keyFile());
  }

  /** Wraps {@code message} so that writing it adds a DKIM-Signature; the Message-ID stays {@code messageId}. */
  public MimeMessage sign(MimeMessage message, String fromAddress, String messageId) throws MessagingException {
    DkimSigner signer = new DkimSigner(config.domain(), config.selector(), key);
    signer.setIdentity(fromAddress);
    signer.setHeaderCanonicalization(Canonicalization.RELAXED);
    signer.setBodyCanonicalization(Canonicalization.RELAXED);
    signer.setLengthParam(false);
    signer.setZParam(false);
    signer.setCheckDomainKey(false);
    return new FixedIdDkimMessage(message, signer, messageId);
  }

  private static final int MAX_KEY_BYTES = 64 * 1024;

  /** Reads an RSA private key in PKCS#8, PEM or DER; a clear message when it is something else. */
  public static RSAPrivateKey loadKey(Path file) {
    byte[] bytes;
    try {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("the DKIM key " + file + " is not a regular file");
      }
      // Bounded: an RSA key is about 2 KiB, and a huge or endless file must not exhaust memory.
      try (java.io.InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes(MAX_KEY_BYTES + 1);
      }
      if (bytes.length > MAX_KEY_BYTES) {
        throw new IllegalArgumentException("the DKIM key " + file + " is larger than 64 KiB: an RSA private key is"
            + " about 2 KiB");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the DKIM key " + file + ": " + e.getMessage());
    }
    String text = new String(bytes, StandardCharsets.US_ASCII);
    if (text.contains("-----BEGIN RSA PRIVATE KEY-----")) {
      throw new IllegalArgumentException("the DKIM key " + file + " is PKCS#1 ('BEGIN RSA PRIVATE KEY'); convert it to"
          + " PKCS#8 with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pk8.pem");
    }
    if (text.contains("-----BEGIN PRIVATE KEY-----")) {
      String base64 = text.substring(text.indexOf("-----BEGIN PRIVATE KEY-----") + 27);
      int end = base64.indexOf("-----END");
      base64 = (end < 0 ? base64 : base64.substring(0, end)).replaceAll("\\s", "");
      try {
        bytes = Base64.getDecoder().decode(base64);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("the DKIM key " + file + " is not valid PEM: " + e.getMessage());
      }
    }
    try {
      return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(bytes));
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalArgumentException("the DKIM key " + file + " is not an unencrypted RSA private key in PKCS#8"
          + " (PEM 'BEGIN PRIVATE KEY' or DER)");
    }
  }

  /** A DKIM message that keeps the Message-ID it was given when saved. */
  static final class FixedIdDkimMessage extends DkimMessage {
    private final String messageId;

    FixedIdDkimMessage(MimeMessage message, DkimSigner signer, String messageId) throws MessagingException {
      super(message, signer);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
