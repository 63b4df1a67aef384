package org.demarche.render.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.demarche.core.model.RenderException;
import org.demarche.render.pdf.internal.Pades;

/**
 * The NGO's certificate and private key, which sign each PDF letter with a PAdES baseline (B-B) signature
 * that keeps the letter PDF/A-2b. Read from a PKCS#12 keystore ({@code .p12}/{@code .pfx}) whose password
 * comes from the environment, never from the campaign file:
 *
 * <pre>{@code
 * PdfSigner ngo = PdfSigner.fromKeystore(Path.of("ngo.p12"), System.getenv("DEMARCHE_SIGN_PASSWORD"),
 *     Optional.of("Petition of the NGO"), Optional.of("Tokyo"));
 * PdfRenderer pdf = PdfRenderer.defaults().signedBy(ngo);
 * }</pre>
 *
 * <p>The signing time is the letter's date at 00:00 UTC (as its creation date), or the moment the
 * certificate became valid when that is later, so that a letter signed twice is the same file: an RSA
 * signature (PKCS#1 v1.5) over the same bytes is the same. An EC key signs with a random nonce, so its
 * letters differ run to run.
 */
public final class PdfSigner {
  private final PrivateKey key;
  private final List<X509Certificate> chain;
  private final Optional<String> reason;
  private final Optional<String> location;

  private PdfSigner(PrivateKey key, List<X509Certificate> chain, Optional<String> reason, Optional<String> location) {
    this.key = key;
    this.chain = chain;
    this.reason = reason;
    this.location = location;
  }

  /**
   * A signer from a key and its certificate chain (the signing certificate first).
   *
   * @throws IllegalArgumentException when the key is neither RSA nor EC, or the certificate has expired or is
   *     not valid yet
   */
  public static PdfSigner of(PrivateKey key, List<X509Certificate> chain, Optional<String> reason,
      Optional<String> location) {
    Objects.requireNonNull(key, "key");
    List<X509Certificate> certificates = List.copyOf(chain);
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("a signing key needs its certificate");
    }
    if (!key.getAlgorithm().equals("RSA") && !key.getAlgorithm().equals("EC")) {
      throw new IllegalArgumentException("the signing key is " + key.getAlgorithm() + "; an RSA or EC key signs PDF letters");
    }
    X509Certificate c = certificates.get(0);
    Instant now = Instant.now();
    if (c.getNotAfter().toInstant().isBefore(now)) {
      throw new IllegalArgumentException("the certificate of " + subject(c) + " expired on "
          + c.getNotAfter().toInstant().atZone(ZoneOffset.UTC).toLocalDate() + ": renew it with its issuer");
    }
    if (c.getNotBefore().toInstant().isAfter(now)) {
      throw new IllegalArgumentException("the certificate of " + subject(c) + " is not valid before "
          + c.getNotBefore().toInstant() + "");
    }
    return new PdfSigner(key, certificates, Objects.requireNonNull(reason, "reason"),
        Objects.requireNonNull(location, "location"));
  }

  /**
   * A signer from the one private key in a PKCS#12 keystore, opened with {@code password}.
   *
   * @throws IllegalArgumentException naming the file: it does not exist, is not a PKCS#12 keystore, the
   *     password is wrong, it holds no private key or more than one, or its certificate has expired
   */
  public static PdfSigner fromKeystore(Path keystore, String password, Optional<String> reason,
      Optional<String> location) {
    Objects.requireNonNull(keystore, "keystore");
    char[] secret = Objects.requireNonNull(password, "password").toCharArray();
    KeyStore store;
    try (InputStream in = Files.newInputStream(keystore)) {
      store = KeyStore.getInstance("PKCS12");
      store.load(in, secret);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("the keystore " + keystore + " does not exist");
    } catch (IOException e) {
      throw new IllegalArgumentException("the keystore " + keystore + (e.getCause() instanceof UnrecoverableKeyException
          ? " does not open with this password (wrong password?)"
          : " cannot be read as a PKCS#12 keystore (.p12/.pfx): " + e.getMessage()));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the keystore " + keystore + " cannot be read: " + e.getMessage());
    }
    try {
      List<String> keys = new ArrayList<>();
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          keys.add(alias);
        }
      }
      if (keys.size() != 1) {
        throw new IllegalArgumentException("the keystore " + keystore + (keys.isEmpty()
            ? " holds no private key, only certificates: export the certificate together with its private key"
            : " holds " + keys.size() + " private keys (" + String.join(", ", keys) + "): keep only the signing one"));
      }
      Key k = store.getKey(keys.get(0), secret);
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate c : Optional.ofNullable(store.getCertificateChain(keys.get(0))).orElse(new Certificate[0])) {
        chain.add((X509Certificate) c);
      }
      if (!(k instanceof PrivateKey pk) || chain.isEmpty()) {
        throw new IllegalArgumentException("the keystore " + keystore + " holds no private key with its certificate");
      }
      return of(pk, chain, reason, location);
    } catch (UnrecoverableKeyException e) {
      throw new IllegalArgumentException("the private key in the keystore " + keystore
          + " does not open with the keystore's password: give it the same password");
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the keystore " + keystore + " cannot be read: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw e.getMessage().contains(keystore.toString()) ? e
          : new IllegalArgumentException("the keystore " + keystore + ": " + e.getMessage(), e);
    }
  }

  /** The signing certificate. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** The signing time of a letter dated {@code date}: 00:00 UTC that day, or when the certificate became valid. */
  public Instant signingTime(LocalDate date) {
    Instant start = date.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant valid = certificate().getNotBefore().toInstant();
    return valid.isAfter(start) ? valid : start;
  }

  /**
   * {@code pdf} (a letter dated {@code date}) with the signature added as an incremental update.
   *
   * @throws RenderException when it cannot be signed, e.g. a letter dated after the certificate expired
   */
  public byte[] sign(byte[] pdf, LocalDate date) {
    Instant time = signingTime(date);
    if (time.isAfter(certificate().getNotAfter().toInstant())) {
      throw new RenderException("The letter is dated " + date + ", after the signing certificate of "
          + subject(certificate()) + " expires (" + certificate().getNotAfter().toInstant() + ")");
    }
    try {
      return Pades.sign(pdf, key, chain, new Pades.Details(subject(certificate()), reason, location, time));
    } catch (IOException | GeneralSecurityException e) {
      throw new RenderException("The letter could not be signed: " + e.getMessage(), e);
    }
  }

  /** The certificate subject's common name, or the whole subject when it has none. */
  static String subject(X509Certificate c) {
    String dn = c.getSubjectX500Principal().getName();
    try {
      for (Rdn rdn : new LdapName(dn).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          return rdn.getValue().toString();
        }
      }
    } catch (InvalidNameException e) {
      // fall back to the whole name
    }
    return dn;
  }

  @Override
  public String toString() {
    return "PdfSigner[" + subject(certificate()) + "]";
  }
}
