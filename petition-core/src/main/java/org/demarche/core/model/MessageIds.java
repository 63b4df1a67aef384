package org.demarche.core.model;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic Message-IDs: the same (campaign, letter) always gets the same id, so that a letter
 * sent twice is recognizable as one message. The id reveals neither the letter id nor any name:
 * it is a hash, at the sender's domain.
 */
public final class MessageIds {
  private MessageIds() {}

  /**
   * A domain in the ASCII form that mail headers need: an internationalized name ({@code bürgerrechte.example})
   * in its IDNA form ({@code xn--brgerrechte-...}); an ASCII name unchanged.
   *
   * @throws IllegalArgumentException when the name is not a valid internationalized domain name
   */
  public static String asciiDomain(String domain) {
    return domain.chars().allMatch(c -> c < 0x80) ? domain : IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED);
  }

  /**
   * E.g. {@code 3f9c…e1.demarche@example.org} (without angle brackets); an internationalized sender domain is
   * written in its ASCII (IDNA) form, since a Message-ID must be ASCII.
   */
  public static String of(String campaignId, String letterId, String senderDomain) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] hash = sha.digest((campaignId + "\u0000" + letterId).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16) + ".demarche@" + asciiDomain(senderDomain);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
