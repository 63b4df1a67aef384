package org.demarche.core.model;

/** The root of the exceptions Demarche throws for conditions a caller may handle. */
public abstract class DemarcheException extends RuntimeException {
  protected DemarcheException(String message) {
    super(message);
  }

  protected DemarcheException(String message, Throwable cause) {
    super(message, cause);
  }
}
