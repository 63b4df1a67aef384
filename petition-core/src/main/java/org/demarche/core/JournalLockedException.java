package org.demarche.core;

import org.demarche.core.model.DemarcheException;

/** Another runner holds the campaign's journal: two runners on one campaign could send a letter twice. */
public final class JournalLockedException extends DemarcheException {
  public JournalLockedException(String message) {
    super(message);
  }
}
