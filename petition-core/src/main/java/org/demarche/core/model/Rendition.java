package org.demarche.core.model;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Objects;

/**
 * A rendered document: bytes, a media type and a safe file name.
 *
 * @param fileName a file name without folders, built from ids (e.g. {@code cn-cg-jp-osaka.en.pdf})
 * @param mediaType e.g. {@code application/pdf}
 * @param language BCP 47 tag of the document's text
 * @param content the bytes (copied in and out: a rendition never changes)
 */
public record Rendition(String fileName, String mediaType, String language, byte[] content) {
  public Rendition {
    fileName = SafeNames.requireFileName(fileName, "fileName");
    mediaType = Values.line(mediaType, "mediaType");
    language = Values.language(language, "language");
    content = Objects.requireNonNull(content, "content").clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  /**
   * The name of the file this document is kept under when it stands for {@code letter} (in an outbox
   * folder, a print kit, a render folder, an email attachment): {@code <letter id>.<language>.<extension>},
   * e.g. {@code cn-cg-jp-osaka.en.pdf}, the same name for the letter and for each translation (whose
   * language differs). The one rule for naming a letter's file: every writer of letter files asks here.
   */
  public String fileNameFor(Letter letter) {
    int dot = fileName.lastIndexOf('.');
    String extension = dot > 0 && dot < fileName.length() - 1 ? fileName.substring(dot) : "";
    return SafeNames.requireFileName(letter.id() + "." + language + extension, "fileName");
  }

  /** The bytes as a stream, without a copy. */
  public InputStream open() {
    return new ByteArrayInputStream(content);
  }

  public int size() {
    return content.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Rendition r && r.fileName.equals(fileName) && r.mediaType.equals(mediaType)
        && r.language.equals(language) && java.util.Arrays.equals(r.content, content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fileName, mediaType, language, java.util.Arrays.hashCode(content));
  }

  @Override
  public String toString() {
    return "Rendition[" + fileName + ", " + mediaType + ", " + content.length + " bytes]";
  }
}
