package org.demarche.core.model;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A campaign's co-signatories, read as a stream so that a million of them need not sit in memory.
 * Each call to {@link #stream()} reads the list anew from its source.
 */
public interface Signatories {

  /** A fresh stream over all signatories, in their original order. The caller closes it. */
  Stream<Signatory> stream();

  /** How many signatories there are (may read the whole source once). */
  default long count() {
    try (Stream<Signatory> s = stream()) {
      return s.count();
    }
  }

  /** No co-signatories. */
  static Signatories none() {
    return of(List.of());
  }

  /** Signatories held in memory. */
  static Signatories of(List<Signatory> list) {
    List<Signatory> copy = List.copyOf(Objects.requireNonNull(list, "list"));
    return new Signatories() {
      @Override
      public Stream<Signatory> stream() {
        return copy.stream();
      }

      @Override
      public long count() {
        return copy.size();
      }

      @Override
      public String toString() {
        return copy.size() + " signatories";
      }
    };
  }
}
