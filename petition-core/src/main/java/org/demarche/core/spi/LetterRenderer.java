package org.demarche.core.spi;

import org.demarche.core.model.Letter;
import org.demarche.core.model.RenderException;
import org.demarche.core.model.Rendition;

/** Turns a letter into a document. Implementations are safe to call from several threads at once. */
public interface LetterRenderer {

  /** The media type of what {@link #render} produces, e.g. {@code application/pdf}. */
  String mediaType();

  /** Renders {@code letter}; a letter that cannot be rendered faithfully is a {@link RenderException}. */
  Rendition render(Letter letter);
}
