package org.demarche.voice.web;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * At most {@code max} events per key (a client address, a supporter's email) in any sliding {@code window}.
 * Keys are kept for at most {@code maxKeys} clients (the least recently used go first), so that a flood of
 * addresses cannot fill the memory.
 */
final class RateLimit {
  private final int max;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Long>> events;

  RateLimit(int max, Duration window, Clock clock, int maxKeys) {
    if (max < 1) {
      throw new IllegalArgumentException("a rate limit must allow 1 or more, not " + max);
    }
    this.max = max;
    this.window = window;
    this.clock = clock;
    this.events = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
        return size() > maxKeys;
      }
    };
  }

  /** Counts an event for {@code key}, unless it would exceed the limit; then answers false and counts nothing. */
  synchronized boolean tryAcquire(String key) {
    long now = clock.millis();
    Deque<Long> q = events.computeIfAbsent(key, k -> new ArrayDeque<>());
    while (!q.isEmpty() && q.peekFirst() <= now - window.toMillis()) {
      q.pollFirst();
    }
    if (q.size() >= max) {
      return false;
    }
    q.addLast(now);
    return true;
  }

  /** Seconds until {@code key} may try again (for Retry-After). */
  synchronized long retryAfterSeconds(String key) {
    Deque<Long> q = events.get(key);
    if (q == null || q.isEmpty()) {
      return 1;
    }
    return Math.max(1, (q.peekFirst() + window.toMillis() - clock.millis() + 999) / 1000);
  }
}
