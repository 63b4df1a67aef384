package org.demarche.core.model;

/** A letter could not be rendered (a character no font can draw, a broken font file). */
public final class RenderException extends DemarcheException {
  public RenderException(String message) {
    super(message);
  }

  public RenderException(String message, Throwable cause) {
    super(message, cause);
  }
}
