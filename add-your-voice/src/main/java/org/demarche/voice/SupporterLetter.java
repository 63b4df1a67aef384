package org.demarche.voice;

import java.util.Objects;
import java.util.Optional;
import org.demarche.core.model.Letter;

/**
 * A supporter's own letter: where it goes, the letter itself, and a {@code mailto:} link when the mission
 * publishes an email address (when it does not, the letter goes by post to
 * {@code letter.mission().address()}).
 *
 * @param routing the mission and why
 * @param letter the letter, signed by the supporter
 * @param mailto the link that opens it in the supporter's mail program
 */
public record SupporterLetter(Routing routing, Letter letter, Optional<Mailto> mailto) {
  public SupporterLetter {
    Objects.requireNonNull(routing, "routing");
    Objects.requireNonNull(letter, "letter");
    Objects.requireNonNull(mailto, "mailto");
  }

  /** Whether the letter can be emailed (the mission publishes an address); else it goes by post. */
  public boolean byEmail() {
    return letter.mission().email().isPresent();
  }
}
