package org.demarche.core.model;

import java.util.Optional;

/**
 * The person who signs a letter.
 *
 * @param name the signer's name as printed under the signature
 * @param title the signer's title, e.g. "Executive Director" (empty for a private supporter)
 */
public record Signer(String name, Optional<String> title) {
  public Signer {
    name = Values.line(name, "signedBy.name");
    title = Values.line(title, "signedBy.title");
  }

  public static Signer of(String name, String title) {
    return new Signer(name, Optional.of(title));
  }
}
