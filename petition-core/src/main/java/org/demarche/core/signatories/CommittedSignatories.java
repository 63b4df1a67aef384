package org.demarche.core.signatories;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.Signatories;
import org.demarche.core.model.Signatory;

/**
 * A signatory list that can state its {@link ListCommitment} and its {@link SignatoryTally}. Lists read
 * from a CSV or JSON file by a campaign are of this kind, with their salts file beside them
 * ({@link SaltKey#fileBeside}); a renderer prints the commitment and the counts on the annex.
 */
public interface CommittedSignatories extends Signatories {

  /** The commitment over the whole list (computed once, on first use; may create the salts file). */
  ListCommitment commitment();

  /** The counts of the list as imported (levels as stored, before any letter's cap). */
  SignatoryTally tally();

  /**
   * Hands {@code each} the receipt of every signatory, in list order, salted with the same key as
   * {@link #commitment()}; returns that commitment. The receipts are private to each signatory.
   */
  ListCommitment issueReceipts(java.util.function.Consumer<InclusionReceipt> each);

  /**
   * What a recipient may see of each signatory under {@code cap}, in list order: {@link Signatory#displayed}
   * of each, empty for one who is only counted. A list imported from a file answers from what its import
   * kept, without reading and checking the file again. The caller closes the stream.
   */
  default Stream<Optional<String>> displayed(Disclosure cap) {
    Objects.requireNonNull(cap, "cap");
    return stream().map(s -> s.displayed(cap));
  }

  /** {@link #displayed(Disclosure)} of any list. */
  static Stream<Optional<String>> displayed(Signatories list, Disclosure cap) {
    return list instanceof CommittedSignatories c ? c.displayed(cap) : list.stream().map(s -> s.displayed(cap));
  }

  /** Wraps {@code list}, salting it with the key {@code key} supplies when the commitment is first needed. */
  static CommittedSignatories of(Signatories list, Supplier<SaltKey> key) {
    return new SaltedList(list, key);
  }

  /** The tally of any list under {@code cap}, reusing a committed list's stored counts. */
  static SignatoryTally tally(Signatories list, Disclosure cap) {
    return list instanceof CommittedSignatories c ? c.tally().cappedAt(cap) : SignatoryTally.of(list, cap);
  }
}
