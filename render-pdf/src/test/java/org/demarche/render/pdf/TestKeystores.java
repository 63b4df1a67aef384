package org.demarche.render.pdf;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Throwaway RSA keys and self-signed certificates, made in the test and written as PKCS#12 keystores into a
 * temporary folder: no private key is checked in.
 */
final class TestKeystores {
  static final String PASSWORD = "test-only-keystore-password";
  static final String NGO = "Life Funds for North Korean Refugees (test)";

  private TestKeystores() {}

  /** A key pair and its self-signed certificate, valid from {@code from} to {@code until}. */
  record Identity(KeyPair keys, X509Certificate certificate) {}

  static Identity identity(Instant from, Instant until) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    X500Name name = new X500Name("CN=" + NGO + ", O=Test, C=JP");
    var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(from.getEpochSecond()), Date.from(from),
        Date.from(until), name, keys.getPublic());
    X509Certificate certificate = new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    return new Identity(keys, certificate);
  }

  /** A certificate valid from 2026-01-01 for ten years. */
  static Identity valid() throws Exception {
    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    return identity(from, from.plus(Duration.ofDays(3650)));
  }

  /** {@code identity}'s key and certificate in a PKCS#12 keystore at {@code file}, under {@link #PASSWORD}. */
  static Path write(Path file, Identity identity) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("ngo", identity.keys().getPrivate(), PASSWORD.toCharArray(),
        new Certificate[] {identity.certificate()});
    save(store, file);
    return file;
  }

  /** A keystore holding only {@code identity}'s certificate, no private key. */
  static Path certificateOnly(Path file, Identity identity) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("ngo", identity.certificate());
    save(store, file);
    return file;
  }

  private static void save(KeyStore store, Path file) throws Exception {
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, PASSWORD.toCharArray());
    }
  }
}
