package org.demarche.voice.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CSRF tokens bound to the browser's session cookie: the token is an HMAC of the cookie under a key that lives
 * only in this process, so a page on another site can neither read nor forge it, and nothing is stored.
 */
final class Csrf {
  static final String COOKIE = "demarche_session";
  private static final SecureRandom RANDOM = new SecureRandom();
  private final byte[] key = new byte[32];

  Csrf() {
    RANDOM.nextBytes(key);
  }

  static String randomToken() {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  String tokenFor(String session) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(session.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  /** Whether {@code token} is the one for {@code session} (compared in constant time). */
  boolean valid(String session, String token) {
    if (session.isEmpty() || token.isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(tokenFor(session).getBytes(StandardCharsets.US_ASCII),
        token.getBytes(StandardCharsets.UTF_8));
  }
}
