package org.demarche.examples.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

/**
 * The release checks of the runner jar, run by the build in the verify phase (examples/pom.xml) with no network:
 * no bundled dependency in a range that {@code .ci/known-vulnerable.txt} lists; the SBOM lists exactly the bundled
 * artifacts; the jar carries Demarche's LICENSE and NOTICE, the NOTICE names every bundled project, and each
 * bundled project's own LICENSE/NOTICE files survive under {@code META-INF/third-party/}; no stray module
 * descriptor; the manifest's Implementation-Version is the pom's.
 */
public final class ReleaseJarCheck {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** "- groupId:artifactId, artifactId2: licence" in NOTICE's list of bundled projects. */
  private static final Pattern NOTICE_ITEM = Pattern.compile("^- ([\\w.-]+):([\\w.-]+(?:, [\\w.-]+)*):");

  /** A bundled artifact, as the SBOM or the jar names it. */
  public record Artifact(String group, String name, String version) {
    public Artifact {
      if (group.isBlank() || name.isBlank() || version.isBlank()) {
        throw new IllegalArgumentException("an artifact needs a group, a name and a version");
      }
    }

    String key() {
      return group + ":" + name;
    }

    @Override
    public String toString() {
      return group + ":" + name + ":" + version;
    }
  }

  /** One line of the known-vulnerable file. */
  public record Advisory(String key, VersionRange range, String cve, String description, String where) {}

  private ReleaseJarCheck() {}

  /**
   * {@code JAR DEPENDENCY-LIST SBOM KNOWN-VULNERABLE VERSION offline=BOOLEAN}: prints what it checked; throws (failing the
   * build) on a problem.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 6) {
      throw new IllegalArgumentException("usage: ReleaseJarCheck JAR DEPENDENCY-LIST SBOM KNOWN-VULNERABLE VERSION OFFLINE");
    }
    Path jar = Path.of(args[0]);
    Path sbom = Path.of(args[2]);
    boolean offline = args[5].equals("offline=true"); // "offline=${settings.offline}" in the pom
    List<String> problems = problems(jar, Path.of(args[1]), sbom, Path.of(args[3]), args[4], offline);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("release check of " + jar + " failed:\n  " + String.join("\n  ", problems));
    }
    System.out.println("release check of " + jar.getFileName() + ": " + dependencyList(Path.of(args[1])).size()
        + " bundled artifacts, " + advisories(Path.of(args[3])).size() + " advisories checked, "
        + (Files.exists(sbom) ? "the SBOM lists them all" : "no SBOM (an offline build skips it)")
        + ", notices and manifest in order");
  }

  /**
   * Every problem found, each a sentence naming the artifact, file or entry; empty when the jar may ship. The
   * dependency list (maven-dependency-plugin's {@code list}, runtime scope) says what the jar bundles; the SBOM must
   * list exactly that, and may only be missing from an offline build.
   */
  public static List<String> problems(Path jar, Path dependencyList, Path sbom, Path knownVulnerable, String version,
      boolean offline) throws IOException {
    List<String> problems = new ArrayList<>();
    List<Artifact> bundled = dependencyList(dependencyList);
    problems.addAll(vulnerable(bundled, advisories(knownVulnerable)));
    if (Files.exists(sbom)) {
      problems.addAll(sbomDifferences(bundled, sbom(sbom), sbom.getFileName().toString()));
    } else if (!offline) {
      problems.add(sbom + " is missing: the CycloneDX plugin did not run");
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      problems.addAll(missingFromList(file, bundled, dependencyList.getFileName().toString()));
      problems.addAll(notices(file, bundled));
      file.stream().map(ZipEntry::getName).filter(n -> n.endsWith("module-info.class"))
          .forEach(n -> problems.add(jar.getFileName() + " has " + n + ": a bundled jar's module descriptor, not ours"));
      Manifest manifest = file.getManifest();
      String actual = manifest == null ? null : manifest.getMainAttributes().getValue("Implementation-Version");
      if (!version.equals(actual)) {
        problems.add(jar.getFileName() + "'s manifest says Implementation-Version " + actual + ", the pom " + version);
      }
    }
    return problems;
  }

  /** The artifacts of a {@code dependency:list} output file ("   group:artifact:type[:classifier]:version:scope"). */
  public static List<Artifact> dependencyList(Path file) throws IOException {
    Pattern line = Pattern.compile("^\\s*([^:\\s]+):([^:\\s]+):[^:\\s]+(?::[^:\\s]+)?:([^:\\s]+):(compile|runtime)\\b");
    List<Artifact> artifacts = new ArrayList<>();
    for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      Matcher m = line.matcher(l);
      if (m.find()) {
        artifacts.add(new Artifact(m.group(1), m.group(2), m.group(3)));
      }
    }
    return artifacts;
  }

  /** What the jar bundles and the SBOM does not list, and the reverse. */
  static List<String> sbomDifferences(List<Artifact> bundled, List<Artifact> sbom, String sbomName) {
    List<String> problems = new ArrayList<>();
    bundled.stream().filter(a -> !sbom.contains(a))
        .forEach(a -> problems.add(a + " is bundled but " + sbomName + " does not list it"));
    sbom.stream().filter(a -> !bundled.contains(a))
        .forEach(a -> problems.add(sbomName + " lists " + a + ", which the runner jar does not bundle"));
    return problems;
  }

  /** Each bundled artifact whose version falls in a listed range, with the CVE and the line that lists it. */
  public static List<String> vulnerable(List<Artifact> bundled, List<Advisory> advisories) {
    List<String> found = new ArrayList<>();
    for (Artifact a : bundled) {
      for (Advisory adv : advisories) {
        if (adv.key().equals(a.key()) && adv.range().contains(a.version())) {
          found.add(a + " is bundled and has " + adv.cve() + " (" + adv.description() + "; affected " + adv.range()
              + ", listed at " + adv.where() + "): pin a fixed version in the parent pom");
        }
      }
    }
    return found;
  }

  /** The third-party components of a CycloneDX JSON SBOM (the runner itself is its metadata component). */
  public static List<Artifact> sbom(Path sbom) throws IOException {
    JsonNode root = JSON.readTree(sbom.toFile());
    List<Artifact> artifacts = new ArrayList<>();
    for (JsonNode c : root.path("components")) {
      artifacts.add(new Artifact(c.path("group").asText(), c.path("name").asText(), c.path("version").asText()));
    }
    return artifacts;
  }

  /** The known-vulnerable file's advisories; a line that does not parse is an error naming file:line. */
  public static List<Advisory> advisories(Path file) throws IOException {
    List<Advisory> advisories = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = file.getFileName() + ":" + (i + 1);
      String[] f = line.split("\\s+", 4);
      if (f.length < 3 || f[0].split(":").length != 2 || !f[2].matches("(CVE|GHSA)-[\\w-]+")) {
        throw new IllegalArgumentException(where + ": expected 'groupId:artifactId RANGE CVE-ID description', found '"
            + line + "'");
      }
      try {
        advisories.add(new Advisory(f[0], VersionRange.parse(f[1]), f[2], f.length > 3 ? f[3] : "", where));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    return advisories;
  }

  /** Artifacts the jar carries Maven metadata or a third-party folder for, that the dependency list does not name. */
  private static List<String> missingFromList(JarFile jar, List<Artifact> bundled, String listName) throws IOException {
    Set<String> listed = new LinkedHashSet<>();
    Set<String> names = new LinkedHashSet<>();
    bundled.forEach(a -> {
      listed.add(a.toString());
      names.add(a.name());
    });
    Set<String> problems = new LinkedHashSet<>();
    for (ZipEntry e : Collections.list(jar.entries())) {
      Matcher m = Pattern.compile("META-INF/maven/([^/]+)/([^/]+)/pom\\.properties").matcher(e.getName());
      if (m.matches() && !m.group(1).equals("org.demarche")) {
        Properties p = new Properties();
        try (InputStream in = jar.getInputStream(e)) {
          p.load(in);
        }
        String gav = m.group(1) + ":" + m.group(2) + ":" + p.getProperty("version");
        // angus-mail's jar holds its own modules (angus-core, smtp, imap, ...) with their Maven metadata: a
        // module of a listed artifact (same group and version) is inside that artifact, not a dependency.
        String groupAndVersion = m.group(1) + ":" + p.getProperty("version");
        boolean insideListed = bundled.stream().anyMatch(a -> (a.group() + ":" + a.version()).equals(groupAndVersion));
        if (!listed.contains(gav) && !insideListed) {
          problems.add(gav + " is bundled (" + e.getName() + ") but " + listName + " does not list it");
        }
      }
      Matcher t = Pattern.compile("META-INF/third-party/([^/]+)/").matcher(e.getName());
      if (t.lookingAt() && !names.contains(t.group(1))) {
        problems.add(t.group() + " belongs to no artifact that " + listName + " lists");
      }
    }
    return new ArrayList<>(problems);
  }

  private static List<String> notices(JarFile jar, List<Artifact> bundled) throws IOException {
    List<String> problems = new ArrayList<>();
    String license = text(jar, "META-INF/LICENSE");
    if (!license.contains("Apache License") || !license.contains("Version 2.0")) {
      problems.add("META-INF/LICENSE is not Demarche's Apache License 2.0");
    }
    String notice = text(jar, "META-INF/NOTICE");
    if (!notice.contains("Demarche")) {
      problems.add("META-INF/NOTICE does not carry Demarche's NOTICE");
    }
    Set<String> named = named(notice);
    Map<String, Artifact> unnamed = new LinkedHashMap<>();
    bundled.stream().filter(a -> !a.group().equals("org.demarche") && !named.contains(a.key()))
        .forEach(a -> unnamed.put(a.key(), a));
    unnamed.values().forEach(a -> problems.add(a + " is bundled but NOTICE's list of bundled projects does not name it"
        + " (add '- " + a.key() + ": LICENCE' to NOTICE)"));
    return problems;
  }

  /** The groupId:artifactId pairs NOTICE's list names ("- g:a1, a2: licence"). */
  static Set<String> named(String notice) {
    Set<String> keys = new LinkedHashSet<>();
    for (String line : notice.split("\n")) {
      Matcher m = NOTICE_ITEM.matcher(line.strip());
      if (m.find()) {
        for (String artifact : m.group(2).split(", ")) {
          keys.add(m.group(1) + ":" + artifact);
        }
      }
    }
    return keys;
  }

  private static String text(JarFile jar, String name) throws IOException {
    ZipEntry e = jar.getEntry(name);
    if (e == null) {
      return "";
    }
    try (InputStream in = jar.getInputStream(e)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
