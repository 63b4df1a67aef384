package org.demarche.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.demarche.core.Demarche;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Problem;
import org.demarche.core.testing.CampaignFiles;
import org.demarche.core.testing.TestPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated corpus of broken campaign and signatory files: every one is rejected with a located
 * problem, none with any other exception, each within a second.
 */
class HostileCampaignFilesTest {
  @TempDir
  Path dir;

  private final Demarche demarche = Demarche.builder().install(new TestPlugin()).build();

  static Map<String, String> corpus() {
    Map<String, String> c = new LinkedHashMap<>();
    String valid = CampaignFiles.VALID;
    // Truncated at many points (a truncation that leaves a valid prefix is not broken, so drop those).
    for (int cut = 1; cut < valid.length(); cut += 2) {
      c.put("truncated-" + cut, valid.substring(0, cut));
    }
    // Wrong types for every scalar field.
    String[] fields = {"id", "date", "name", "shortName", "email", "web", "language", "subject", "body",
        "channel", "renderer", "city", "country", "postalCode", "sendingState", "hostCountry", "title", "salutation"};
    // Null means "absent", which is right for optional fields.
    java.util.Set<String> optional = java.util.Set.of("shortName", "web", "postalCode", "sendingState", "hostCountry");
    // Numbers are read as the text they are written as (a postal code may be written 1600000), so the
    // wrong types are lists, sections, booleans, empty text and null.
    String[] wrong = {"[1, 2]", "{ a: b }", "true", "\"\"", "~", "[]"};
    for (String f : fields) {
      for (String w : wrong) {
        if (w.equals("~") && optional.contains(f)) {
          continue;
        }
        String broken = valid.replaceFirst("(?m)(\\b" + f + ": )(\"[^\"\\n]*\"|[^,}\\n]+)", "$1" + java.util.regex.Matcher.quoteReplacement(w));
        if (!broken.equals(valid)) {
          c.put("wrong-type-" + f + "-" + w, broken);
        }
      }
    }
    // Duplicate keys at every level.
    for (String key : List.of("id: test-campaign", "  language: en", "  channel: counting", "  subject: \"Petition via {{mission.city}}\"")) {
      c.put("duplicate-" + key.strip(), valid.replace(key, key + "\n" + key));
    }
    // Unknown fields in every section.
    for (String anchor : List.of("id: test-campaign", "  name: Life Funds", "  language: en", "  directories: [bundled]")) {
      String indent = anchor.startsWith("  ") ? "  " : "";
      c.put("unknown-field-" + anchor.strip(), valid.replace(anchor, anchor + "\n" + indent + "colour: blue"));
    }
    // A byte-order mark in front of broken content, and in the middle of a key.
    c.put("bom-broken", "\uFEFF" + valid.replace("email: info@lfnkr.example.org", "email: nope"));
    c.put("bom-inside-key", valid.replace("sender:", "\uFEFFsender:"));
    // YAML alias bomb ("billion laughs").
    StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char ch = 'b'; ch <= 'j'; ch++) {
      char prev = (char) (ch - 1);
      bomb.append(ch).append(": &").append(ch).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ",").append('*').append(prev);
      }
      bomb.append("]\n");
    }
    c.put("alias-bomb", bomb.toString());
    c.put("alias-bomb-in-campaign", valid + "x: &x [a, a]\ny: [*x, *x, *x, *x]\n");
    // Nesting 10,000 deep, in flow and block style.
    c.put("nesting-flow", "id: " + "[".repeat(10_000) + "]".repeat(10_000));
    StringBuilder block = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      block.append(" ".repeat(Math.min(i, 200))).append("k").append(i).append(":\n");
    }
    c.put("nesting-block", block.toString());
    // 4 MB strings in a field and in a key.
    String big = "x".repeat(4 * 1024 * 1024);
    c.put("huge-value", valid.replace("name: Hiroshi Kato", "name: " + big));
    c.put("huge-key", valid + big + ": 1\n");
    for (String w : wrong) {
      c.put("wrong-type-closing-" + w, valid.replace("closing: Sincerely,", "closing: " + w));
    }
    // Bad quoting.
    for (String q : List.of("\"unterminated", "'unterminated", "\"bad \\q escape\"", "\"a\" trailing", "'it''s' ok'")) {
      c.put("bad-quote-" + q, valid.replace("closing: Sincerely,", "closing: " + q));
    }
    // Tabs for indentation, a stray document marker, binary noise.
    c.put("tab-indent", valid.replace("  name: Life", "\tname: Life"));
    c.put("second-document", valid + "---\nid: other\n");
    c.put("binary", "id: \u0000\u0001\u0002\n");
    c.put("not-a-map", "- just\n- a\n- list\n");
    c.put("empty", "");
    c.put("json-broken", "{\"id\": \"x\", }");
    return c;
  }

  @Test
  void rejectsEveryBrokenCampaignWithALocatedProblemAndNothingElse() throws Exception {
    Map<String, String> corpus = corpus();
    Files.writeString(dir.resolve("letter.en.md"), CampaignFiles.BODY);
    int rejected = 0;
    int acceptedPrefixes = 0;
    long slowest = 0;
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, String> e : corpus.entrySet()) {
      String ext = e.getKey().startsWith("json") ? ".json" : ".yaml";
      Path file = dir.resolve("c" + ext);
      Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
      long start = System.nanoTime();
      try {
        demarche.load(file);
        if (e.getKey().startsWith("truncated")) {
          acceptedPrefixes++;
        } else {
          failures.add(e.getKey() + ": accepted");
        }
      } catch (InvalidInputException ex) {
        rejected++;
        for (Problem p : ex.problems()) {
          if (!p.location().file().equals(file.toString()) && !p.location().file().endsWith("letter.en.md")) {
            failures.add(e.getKey() + ": problem without the file: " + p);
          }
          if (p.location().line() < 1) {
            failures.add(e.getKey() + ": problem without a line: " + p);
          }
          if (p.message().contains("Exception") || p.message().contains("\tat ")) {
            failures.add(e.getKey() + ": a stack trace or exception name reaches the user: " + p);
          }
        }
      } catch (RuntimeException ex) {
        failures.add(e.getKey() + ": " + ex);
      }
      long took = System.nanoTime() - start;
      if (took > 500_000_000L) {
        System.out.printf("slow: %s %.0f ms%n", e.getKey(), took / 1e6);
      }
      slowest = Math.max(slowest, took);
    }
    System.out.printf("hostile campaign files: %d generated, %d rejected with file:line, %d truncations still valid,"
        + " slowest %.0f ms%n", corpus.size(), rejected, acceptedPrefixes, slowest / 1e6);
    assertThat(failures).isEmpty();
    assertThat(corpus.size()).isGreaterThanOrEqualTo(300);
    assertThat(slowest).isLessThan(1_000_000_000L);
  }
}
