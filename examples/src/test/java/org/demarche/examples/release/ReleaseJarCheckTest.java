package org.demarche.examples.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release check on jars and SBOMs made here, against the project's real .ci/known-vulnerable.txt, NOTICE and
 * LICENSE: it passes on the versions the parent pins and fails when a listed version is put back.
 */
class ReleaseJarCheckTest {
  static final Path KNOWN_VULNERABLE = Path.of("../.ci/known-vulnerable.txt");
  static final String VERSION = "1.2.3";

  @TempDir
  Path dir;

  /** The runner's third-party bundle as pinned today (a few of them are enough). */
  private static Map<String, String> pinned() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("org.bouncycastle:bcprov-jdk18on", "1.87");
    m.put("org.bouncycastle:bcpkix-jdk18on", "1.87");
    m.put("org.eclipse.angus:angus-mail", "2.0.5");
    m.put("org.yaml:snakeyaml", "2.5");
    m.put("com.fasterxml.jackson.core:jackson-core", "2.23.0");
    m.put("org.apache.pdfbox:pdfbox", "3.0.8");
    return m;
  }

  private Path sbom(Map<String, String> components) throws IOException {
    String list = components.entrySet().stream().map(e -> {
      String[] ga = e.getKey().split(":");
      return "{\"type\":\"library\",\"group\":\"" + ga[0] + "\",\"name\":\"" + ga[1] + "\",\"version\":\""
          + e.getValue() + "\"}";
    }).collect(Collectors.joining(","));
    Path file = dir.resolve("bom.json");
    Files.writeString(file, "{\"bomFormat\":\"CycloneDX\",\"metadata\":{\"component\":{\"group\":\"org.demarche\","
        + "\"name\":\"examples\",\"version\":\"" + VERSION + "\"}},\"components\":[" + list + "]}");
    return file;
  }

  private Path jar(String implementationVersion, Map<String, String> extraEntries) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, implementationVersion);
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("META-INF/LICENSE", Files.readString(Path.of("../LICENSE")));
    entries.put("META-INF/NOTICE", Files.readString(Path.of("../NOTICE")));
    entries.put("META-INF/maven/org.yaml/snakeyaml/pom.properties", "groupId=org.yaml\nartifactId=snakeyaml\nversion=2.5\n");
    entries.put("META-INF/third-party/pdfbox/META-INF/LICENSE", "Apache License");
    entries.putAll(extraEntries);
    Path file = dir.resolve("demarche.jar");
    try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        jar.putNextEntry(new JarEntry(e.getKey()));
        jar.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
      }
    }
    return file;
  }

  /** A dependency:list output file, as maven-dependency-plugin writes it. */
  private Path dependencyList(Map<String, String> components) throws IOException {
    StringBuilder b = new StringBuilder("\nThe following files have been resolved:\n");
    components.forEach((ga, v) -> b.append("   ").append(ga).append(":jar:").append(v).append(":compile -- module x\n"));
    Path file = dir.resolve("runtime-dependencies.txt");
    Files.writeString(file, b.toString());
    return file;
  }

  /** The check with the SBOM listing the same artifacts as the dependency list. */
  private List<String> check(Map<String, String> components, Path jar) throws IOException {
    return ReleaseJarCheck.problems(jar, dependencyList(components), sbom(components), KNOWN_VULNERABLE, VERSION, false);
  }

  @Test
  void theVersionsThePomPinsPass() throws IOException {
    assertThat(check(pinned(), jar(VERSION, Map.of()))).isEmpty();
  }

  @Test
  void puttingBackBouncyCastle1781FailsNamingCve20258916() throws IOException {
    Map<String, String> components = pinned();
    components.put("org.bouncycastle:bcprov-jdk18on", "1.78.1");

    List<String> problems = check(components, jar(VERSION, Map.of()));

    assertThat(problems).singleElement().asString()
        .contains("org.bouncycastle:bcprov-jdk18on:1.78.1").contains("CVE-2025-8916")
        .contains("known-vulnerable.txt:");
  }

  @Test
  void puttingBackGuice7sGuava31FailsNamingBothCves() throws IOException {
    Map<String, String> components = pinned();
    components.put("com.google.guava:guava", "31.0.1-jre");

    List<String> problems = check(components, jar(VERSION, Map.of()));

    assertThat(String.join("\n", problems)).contains("CVE-2023-2976").contains("CVE-2020-8908");
  }

  @Test
  void theFixedGuavaVersionIsNotFlaggedButNoticeMustNameIt() throws IOException {
    Map<String, String> components = pinned();
    components.put("com.google.guava:guava", "33.8.0-jre");

    List<String> problems = check(components, jar(VERSION, Map.of()));

    assertThat(problems).singleElement().asString().contains("com.google.guava:guava:33.8.0-jre is bundled but NOTICE");
  }

  @Test
  void aBundledArtifactTheSbomDoesNotListFails() throws IOException {
    Path jar = jar(VERSION, Map.of("META-INF/maven/org.jline/jline-terminal/pom.properties", "version=3.29.0\n"));

    assertThat(check(pinned(), jar)).singleElement().asString()
        .contains("org.jline:jline-terminal:3.29.0 is bundled").contains("runtime-dependencies.txt does not list it");
  }

  @Test
  void anSbomThatMissesABundledArtifactFails() throws IOException {
    Map<String, String> listed = pinned();
    listed.remove("org.yaml:snakeyaml");

    List<String> problems = ReleaseJarCheck.problems(jar(VERSION, Map.of()), dependencyList(pinned()), sbom(listed),
        KNOWN_VULNERABLE, VERSION, false);

    assertThat(problems).singleElement().asString().isEqualTo("org.yaml:snakeyaml:2.5 is bundled but bom.json does not list it");
  }

  @Test
  void aMissingSbomFailsOnlineAndIsExcusedOffline() throws IOException {
    Path jar = jar(VERSION, Map.of());
    Path list = dependencyList(pinned());
    Path none = dir.resolve("no-bom.json");

    assertThat(ReleaseJarCheck.problems(jar, list, none, KNOWN_VULNERABLE, VERSION, false)).singleElement().asString()
        .contains("no-bom.json is missing");
    assertThat(ReleaseJarCheck.problems(jar, list, none, KNOWN_VULNERABLE, VERSION, true)).isEmpty();
  }

  @Test
  void offlineTheCveCheckStillFailsOnAListedVersion() throws IOException {
    Map<String, String> components = pinned();
    components.put("org.bouncycastle:bcpkix-jdk18on", "1.78.1");

    List<String> problems = ReleaseJarCheck.problems(jar(VERSION, Map.of()), dependencyList(components),
        dir.resolve("no-bom.json"), KNOWN_VULNERABLE, VERSION, true);

    assertThat(problems).singleElement().asString().contains("org.bouncycastle:bcpkix-jdk18on:1.78.1")
        .contains("CVE-2025-8916");
  }

  @Test
  void aStrayMultiReleaseModuleDescriptorFails() throws IOException {
    Path jar = jar(VERSION, Map.of("META-INF/versions/9/module-info.class", "x"));

    assertThat(check(pinned(), jar)).singleElement().asString().contains("META-INF/versions/9/module-info.class");
  }

  @Test
  void aManifestVersionOtherThanThePomsFails() throws IOException {
    assertThat(check(pinned(), jar("0.0.1", Map.of()))).singleElement().asString()
        .contains("Implementation-Version 0.0.1, the pom " + VERSION);
  }

  @Test
  void aJarWhoseLicenseIsAnotherProjectsFails() throws IOException {
    Path jar = jar(VERSION, Map.of("META-INF/LICENSE", "The MIT License"));

    assertThat(check(pinned(), jar)).singleElement().asString().contains("not Demarche's Apache License");
  }

  @Test
  void aMalformedKnownVulnerableLineIsRefusedWithItsLine() throws IOException {
    Path file = dir.resolve("known-vulnerable.txt");
    Files.writeString(file, "# comment\norg.yaml:snakeyaml 2.0 CVE-2022-1471 missing brackets\n");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReleaseJarCheck.advisories(file))
        .hasMessageContaining("known-vulnerable.txt:2").hasMessageContaining("version range");
  }
}
