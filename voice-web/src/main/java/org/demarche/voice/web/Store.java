package org.demarche.voice.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.demarche.core.model.Rendition;
import org.demarche.voice.SupporterLetter;

/**
 * Letters written on the page and pending confirmation tokens, in memory only, each for a limited time and
 * bounded in number (the oldest go first): a supporter's letter lives here for an hour, bound to their browser's
 * session, and is never written to disk by the page (in on-behalf mode the journal records what is sent).
 */
final class Store {
  /** A letter written for a session. */
  record Draft(String session, SupporterLetter letter, Rendition document, Instant created) {}

  /** A mailed confirmation token: single use. */
  record Pending(String letterId, Instant created) {}

  static final Duration DRAFT_LIFE = Duration.ofHours(1);
  static final Duration TOKEN_LIFE = Duration.ofMinutes(30);
  private final Clock clock;
  private final Map<String, Draft> drafts;
  private final Map<String, Pending> tokens;

  Store(Clock clock, int maxDrafts) {
    this.clock = clock;
    this.drafts = bounded(maxDrafts);
    this.tokens = bounded(maxDrafts);
  }

  private static <V> Map<String, V> bounded(int max) {
    return new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > max;
      }
    };
  }

  synchronized String put(String session, SupporterLetter letter, Rendition document) {
    String id = Csrf.randomToken();
    drafts.put(id, new Draft(session, letter, document, clock.instant()));
    return id;
  }

  /** The draft {@code id} of {@code session}, while it lives. */
  synchronized Optional<Draft> draft(String id, String session) {
    Draft d = drafts.get(id);
    if (d == null || d.created().plus(DRAFT_LIFE).isBefore(clock.instant())) {
      drafts.remove(id);
      return Optional.empty();
    }
    return d.session().equals(session) ? Optional.of(d) : Optional.empty();
  }

  /** The draft {@code id} whoever's session it was (a confirmation link opens in the supporter's mail program). */
  synchronized Optional<Draft> draftById(String id) {
    Draft d = drafts.get(id);
    return d == null || d.created().plus(DRAFT_LIFE).isBefore(clock.instant()) ? Optional.empty() : Optional.of(d);
  }

  synchronized String newToken(String letterId) {
    String token = Csrf.randomToken() + Csrf.randomToken();
    tokens.put(token, new Pending(letterId, clock.instant()));
    return token;
  }

  /** The token's letter id while the token lives; {@code consume} removes it (single use). */
  synchronized Optional<String> token(String token, boolean consume) {
    Pending p = consume ? tokens.remove(token) : tokens.get(token);
    if (p == null || p.created().plus(TOKEN_LIFE).isBefore(clock.instant())) {
      tokens.remove(token);
      return Optional.empty();
    }
    return Optional.of(p.letterId());
  }
}
