package org.demarche.core.signatories;

import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.Signatories;
import org.demarche.core.model.Signatory;

/** A list with its commitment and counts computed once. */
final class SaltedList implements CommittedSignatories {
  private final Signatories list;
  private final Supplier<SaltKey> key;
  private ListCommitment commitment;
  private SignatoryTally tally;

  SaltedList(Signatories list, Supplier<SaltKey> key) {
    this.list = Objects.requireNonNull(list, "list");
    this.key = Objects.requireNonNull(key, "key");
  }

  @Override
  public Stream<Signatory> stream() {
    return list.stream();
  }

  @Override
  public Stream<java.util.Optional<String>> displayed(Disclosure cap) {
    return CommittedSignatories.displayed(list, cap);
  }

  @Override
  public long count() {
    return list.count();
  }

  @Override
  public synchronized ListCommitment commitment() {
    if (commitment == null) {
      commitment = ListCommitment.compute(list, key.get());
    }
    return commitment;
  }

  @Override
  public ListCommitment issueReceipts(java.util.function.Consumer<InclusionReceipt> each) {
    return ListCommitment.issueReceipts(list, key.get(), each);
  }

  @Override
  public synchronized SignatoryTally tally() {
    if (tally == null) {
      tally = SignatoryTally.of(list, Disclosure.FULL);
    }
    return tally;
  }

  @Override
  public String toString() {
    return list.toString();
  }
}
