package org.demarche.core;

import org.demarche.core.model.Letter;
import org.demarche.core.model.Rendition;
import java.util.List;

/** Receives the letters that go by post, for a print kit. */
public interface PostalDesk {
  /** {@code letter} goes by post; {@code document} is its rendition and {@code attachments} its translations. */
  void post(Letter letter, Rendition document, List<Rendition> attachments);

  PostalDesk NONE = (letter, document, attachments) -> {};
}
