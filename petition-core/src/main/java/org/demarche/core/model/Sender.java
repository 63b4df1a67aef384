package org.demarche.core.model;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The organization that sends a campaign's letters.
 *
 * @param name the full name, e.g. "Life Funds for North Korean Refugees"
 * @param shortName a short name for file names and subjects, e.g. "LFNKR"
 * @param address the organization's postal address (the letterhead)
 * @param email the address letters are sent from and replies go to
 * @param web the organization's web site, if any
 */
public record Sender(String name, String shortName, PostalAddress address, String email, Optional<URI> web) {
  public Sender {
    name = Values.line(name, "sender.name");
    shortName = Values.line(shortName, "sender.shortName");
    Objects.requireNonNull(address, "sender.address");
    email = Values.email(email, "sender.email");
    Objects.requireNonNull(web, "sender.web");
    web.ifPresent(u -> {
      if (!"https".equals(u.getScheme()) && !"http".equals(u.getScheme())) {
        throw new IllegalArgumentException("sender.web must be an http(s) address, not '" + u + "'");
      }
      Values.line(u.toString(), "sender.web");
    });
  }

  /** The domain part of {@link #email()}, used for Message-IDs. */
  public String emailDomain() {
    return email.substring(email.lastIndexOf('@') + 1);
  }
}
