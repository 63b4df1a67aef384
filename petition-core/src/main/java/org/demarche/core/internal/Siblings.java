package org.demarche.core.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.demarche.core.files.FileScope;
import org.demarche.core.files.Utf8Input;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;
import org.demarche.core.model.Settings;

/**
 * Where the texts a campaign names by file name (body, translations) come from: files beside the campaign
 * file (within its {@link FileScope}), or, for a campaign read from a stream or built in code, the caller's
 * resolver; such a campaign has no folder, so it names no other file.
 */
abstract class Siblings {
  /** A text and the name its problems are reported under. */
  record Text(String text, String display) {}

  /** The text {@code relative} names; a refusal becomes a problem at {@code at}. */
  abstract Optional<Text> text(String relative, Location at, String field, List<Problem> problems);

  /** The file {@code relative} names (a signatory list, a directory file), checked; empty when refused. */
  abstract Optional<Path> file(String relative, Location at, String field, List<Problem> problems);

  /** The scope plugin settings' {@code Path} values are checked in. */
  abstract Settings.Paths paths();

  /** The folder {@link Settings#baseDir()} names. */
  abstract Path baseDir();

  /** The campaign's own folder, when it has one (a salts file is written there). */
  abstract Optional<FileScope> scope();

  static Siblings files(Path campaignFile, FileScope scope) {
    return new Siblings() {
      @Override
      Optional<Text> text(String relative, Location at, String field, List<Problem> problems) {
        Path parent = campaignFile.getParent();
        String display = parent == null ? relative : parent.resolve(relative).toString();
        return scope.check(relative, at, field, problems)
            .flatMap(t -> Utf8Input.readText(t, display, problems))
            .map(t -> new Text(t.replace("\r\n", "\n"), display));
      }

      @Override
      Optional<Path> file(String relative, Location at, String field, List<Problem> problems) {
        return scope.check(relative, at, field, problems);
      }

      @Override
      Settings.Paths paths() {
        return scope;
      }

      @Override
      Path baseDir() {
        return scope.folder();
      }

      @Override
      Optional<FileScope> scope() {
        return Optional.of(scope);
      }
    };
  }

  /** Texts from {@code texts} (by the name the campaign writes), displayed as {@code name}/that name. */
  static Siblings resolver(String name, Function<String, Optional<String>> texts) {
    return new Siblings() {
      @Override
      Optional<Text> text(String relative, Location at, String field, List<Problem> problems) {
        Optional<String> text = texts.apply(relative);
        if (text.isEmpty()) {
          problems.add(new Problem(at, field, "names the text '" + relative + "', which " + name
              + " was not given: pass it with the campaign's texts, or write the text inline"));
        }
        return text.map(t -> new Text(t.replace("\r\n", "\n"), name + "/" + relative));
      }

      @Override
      Optional<Path> file(String relative, Location at, String field, List<Problem> problems) {
        problems.add(new Problem(at, field, "names the file '" + relative + "', but " + name
            + " was not loaded from a file, so it has no folder to read files from: write the value inline"
            + " (signatories as a list, directories as bundled)"));
        return Optional.empty();
      }

      @Override
      Settings.Paths paths() {
        return written -> {
          throw new IllegalArgumentException("names the file '" + written + "', but " + name
              + " was not loaded from a file, so it has no folder to read files from");
        };
      }

      @Override
      Path baseDir() {
        // Never resolved against: paths() refuses every name. Absolute so that nothing lands in the working folder.
        return Path.of("").toAbsolutePath().getRoot();
      }

      @Override
      Optional<FileScope> scope() {
        return Optional.empty();
      }
    };
  }
}
