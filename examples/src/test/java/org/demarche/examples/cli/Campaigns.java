package org.demarche.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies the founding campaign into a test folder, so that its journals stay out of the source tree. */
final class Campaigns {
  static Path founding(Path dir) {
    Path source = Cli.FOUNDING.getParent();
    try (Stream<Path> files = Files.list(source)) {
      for (Path f : files.filter(p -> !p.getFileName().toString().endsWith(".journal")).toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir.resolve("campaign.yaml");
  }

  static Path withChange(Path dir, String from, String to) {
    Path file = founding(dir);
    try {
      String text = Files.readString(file);
      if (!text.contains(from)) {
        throw new IllegalArgumentException("the campaign has no '" + from + "'");
      }
      Files.writeString(file, text.replace(from, to));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /**
   * Issue 14 made the bundled Sapporo and Nagoya emails candidates (no official page read); tests about letters
   * to missions with an email (two of them, in one mail domain) give both an email in a correction layer.
   */
  static Path withSapporoAndNagoyaEmails(Path campaign) {
    try {
      Files.writeString(campaign.resolveSibling("emails.json"), """
          {"missions": [
            {"id": "cn-cg-jp-sapporo", "email": "sapporo@csm.mfa.gov.cn",
             "sources": {"email": {"source": "test fixture", "checkedOn": "2026-11-28"}}},
            {"id": "cn-cg-jp-nagoya", "email": "nagoya@csm.mfa.gov.cn",
             "sources": {"email": {"source": "test fixture", "checkedOn": "2026-11-28"}}}]}
          """);
      Files.writeString(campaign, Files.readString(campaign).replace("directories: [bundled]",
          "directories: [bundled, emails.json]"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return campaign;
  }

  private Campaigns() {}
}
