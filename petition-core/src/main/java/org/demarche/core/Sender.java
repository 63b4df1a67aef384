package org.demarche.core;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.demarche.core.internal.Checks;

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
    name = Checks.line(name, "sender.name");
    shortName = Checks.line(shortName, "sender.shortName");
    Objects.requireNonNull(address, "sender.address");
    email = Checks.email(email, "sender.email");
    Objects.requireNonNull(web, "sender.web");
    web.ifPresent(u -> {
      if (!"https".equals(u.getScheme()) && !"http".equals(u.getScheme())) {
        throw new IllegalArgumentException("sender.web must be an http(s) address, not '" + u + "'");
      }
      Checks.line(u.toString(), "sender.web");
    });
  }

  /** The domain part of {@link #email()}, used for Message-IDs. */
  public String emailDomain() {
    return email.substring(email.lastIndexOf('@') + 1);
  }
}
