package org.demarche.render.pdf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.demarche.core.model.Values;
import org.demarche.core.spi.Secrets;

/**
 * The {@code delivery.pdf} section of a campaign file, as {@link org.demarche.core.model.Settings#bind} reads
 * it: each component is a key. Absent keys take {@link PdfOptions#defaults()}.
 *
 * @param paper {@code a4} or {@code letter}
 * @param fonts font files (.ttf or .otf), relative to the campaign file
 * @param signatureImage a PNG or JPEG, relative to the campaign file
 * @param pdfa {@code true} or {@code false}
 * @param signKeystore a PKCS#12 keystore (.p12 or .pfx) with the NGO's certificate and private key, relative to
 *     the campaign file: when given, every PDF letter is signed
 * @param signPasswordEnv the environment variable holding the keystore's password (default
 *     {@value #DEFAULT_PASSWORD_ENV}); starts with {@code DEMARCHE_}
 * @param signReason the signature's reason, e.g. {@code Petition of the NGO}
 * @param signLocation the signature's location, e.g. {@code Tokyo}
 */
record PdfSection(Optional<Paper> paper, List<Path> fonts, Optional<Path> signatureImage, Optional<Boolean> pdfa,
    Optional<Path> signKeystore, Optional<String> signPasswordEnv, Optional<String> signReason,
    Optional<String> signLocation) {
  static final String DEFAULT_PASSWORD_ENV = "DEMARCHE_SIGN_PASSWORD";

  PdfSection {
    // Every font and the image are checked, so that one run reports each missing file.
    Stream<Runnable> signing = Stream.of(() -> signKeystore.ifPresent(PdfSection::keystore),
        () -> signPasswordEnv.ifPresent(v -> Secrets.checkCampaignVariable(v, "signPasswordEnv")),
        () -> Values.line(signReason, "signReason"), () -> Values.line(signLocation, "signLocation"),
        () -> needsKeystore(signKeystore, "signPasswordEnv", signPasswordEnv),
        () -> needsKeystore(signKeystore, "signReason", signReason),
        () -> needsKeystore(signKeystore, "signLocation", signLocation));
    Values.checkAll(Stream.of(fonts.stream().map(f -> (Runnable) () -> font(f)),
        signatureImage.stream().map(i -> (Runnable) () -> image(i)), signing).flatMap(r -> r)
        .toArray(Runnable[]::new));
  }

  /** The keystore's password variable, when letters are signed. */
  String passwordVariable() {
    return signPasswordEnv.orElse(DEFAULT_PASSWORD_ENV);
  }

  private static void keystore(Path file) {
    if (!endsWith(file, ".p12", ".pfx")) {
      throw new IllegalArgumentException("signKeystore must be a PKCS#12 keystore (.p12 or .pfx), not '"
          + file.getFileName() + "'");
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("signKeystore names a keystore that does not exist: " + file);
    }
  }

  private static void needsKeystore(Optional<Path> keystore, String key, Optional<String> value) {
    if (keystore.isEmpty() && value.isPresent()) {
      throw new IllegalArgumentException(key + " is for signed letters: add signKeystore (a .p12 file) or remove "
          + key);
    }
  }

  /** The renderer's options: these settings over the defaults. */
  PdfOptions options() {
    PdfOptions defaults = PdfOptions.defaults();
    return new PdfOptions(paper.orElse(defaults.paper()), fonts, signatureImage, pdfa.orElse(defaults.pdfA()));
  }

  private static void font(Path file) {
    if (!endsWith(file, ".ttf", ".otf")) {
      throw new IllegalArgumentException("fonts must be .ttf or .otf font files, not '" + file.getFileName() + "'");
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("fonts names a font file that does not exist: " + file);
    }
  }

  private static void image(Path file) {
    if (!endsWith(file, ".png", ".jpg", ".jpeg")) {
      throw new IllegalArgumentException("signatureImage must be a .png or .jpg image, not '" + file.getFileName() + "'");
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("signatureImage names an image that does not exist: " + file);
    }
  }

  private static boolean endsWith(Path file, String... extensions) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return Stream.of(extensions).anyMatch(name::endsWith);
  }
}
