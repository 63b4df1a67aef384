package org.demarche.voice.web;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The page's Mustache templates (HTML-escaped, a missing name is an error): the bundled ones, or an NGO's own
 * copies in a folder, file by file ({@code head.mustache}, {@code form.mustache}, {@code letter.mustache},
 * {@code message.mustache}, {@code foot.mustache}, {@code page.css}, {@code page.js}).
 */
final class Templates {
  private static final String BUNDLED = "/org/demarche/voice/web/";
  private final Optional<Path> folder;
  private final Map<String, Template> compiled = new ConcurrentHashMap<>();
  private final Mustache.Compiler compiler;

  Templates(Optional<Path> folder) {
    this.folder = folder;
    this.compiler = Mustache.compiler().escapeHTML(true).withLoader(name -> new StringReader(text("templates/"
        + name + ".mustache")));
    for (String name : new String[] {"form", "letter", "message"}) {
      template(name);
    }
  }

  private Template template(String name) {
    return compiled.computeIfAbsent(name, n -> {
      try (Reader r = new StringReader(text("templates/" + n + ".mustache"))) {
        return compiler.compile(r);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  String render(String name, Map<String, Object> context) {
    return template(name).execute(context);
  }

  /** A file of the page: the NGO's copy when it has one, else the bundled one. */
  String text(String relative) {
    return new String(bytes(relative), StandardCharsets.UTF_8);
  }

  byte[] bytes(String relative) {
    String base = relative.substring(relative.lastIndexOf('/') + 1);
    if (folder.isPresent() && Files.isRegularFile(folder.get().resolve(base))) {
      try {
        return Files.readAllBytes(folder.get().resolve(base));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + folder.get().resolve(base) + ": " + e.getMessage(), e);
      }
    }
    try (InputStream in = Templates.class.getResourceAsStream(BUNDLED + relative)) {
      if (in == null) {
        throw new IllegalStateException("the bundled page file " + relative + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
