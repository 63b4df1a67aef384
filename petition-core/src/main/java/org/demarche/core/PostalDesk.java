package org.demarche.core;

import org.demarche.core.model.Letter;
import org.demarche.core.model.Rendition;
import java.util.List;

/**
 * Receives the letters that go by post, for a print kit. The engine journals a letter "by post" only
 * after {@link #post} wrote its files and {@link #kit} wrote a print kit that holds it, both durably; so
 * a run that is killed or cannot write leaves no letter recorded as posted without its pages.
 */
public interface PostalDesk {
  /**
   * {@code letter} goes by post; {@code document} is its rendition and {@code attachments} its
   * translations. Returns once its files are on disk (forced), or throws.
   */
  void post(Letter letter, Rendition document, List<Rendition> attachments);

  /**
   * Writes the print kit for {@code posted}: every letter of the campaign that goes by post (those
   * journaled earlier and those about to be), in plan order. Returns once it is on disk, or throws. The
   * default writes nothing.
   *
   * @param rebuilding true when letters an earlier run posted had no kit on disk: this writes it again
   */
  default void kit(List<Letter> posted, boolean rebuilding) {}

  /** Whether the files {@link #post} wrote for {@code letter} are still there (the default: yes). */
  default boolean holds(Letter letter) {
    return true;
  }

  /** Whether a print kit is on disk (the default: yes); when it is not, the engine writes it again. */
  default boolean hasKit() {
    return true;
  }

  PostalDesk NONE = (letter, document, attachments) -> {};
}
