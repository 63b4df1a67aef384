package org.demarche.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;
import org.demarche.core.testing.CampaignFiles;
import org.demarche.core.testing.TestPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * #20 item 4 as an attacker who writes a campaign meets it: a campaign names a file outside its folder
 * (by {@code ..}, an absolute path, or a link) or a special file, hoping its text reaches the letters.
 */
class CampaignFolderTest {
  private static final String SECRET = "SECRET-OUTSIDE-TEXT";

  @TempDir
  Path root;

  private final Demarche demarche = Demarche.builder().install(new TestPlugin()).build();

  private Path campaignDir() throws Exception {
    return Files.createDirectories(root.resolve("campaign"));
  }

  private Path outside(String name, String text) throws Exception {
    Path dir = Files.createDirectories(root.resolve("elsewhere"));
    return Files.writeString(dir.resolve(name), text);
  }

  private List<Problem> problemsOf(Path file, List<Path> allowed) {
    try {
      demarche.load(file, allowed);
    } catch (InvalidInputException e) {
      return e.problems();
    }
    throw new AssertionError("the campaign loaded, but it should not have");
  }

  private static Path withBody(Path dir, String body) {
    return CampaignFiles.write(dir, CampaignFiles.VALID.replace("body: letter.en.md", "body: " + body), CampaignFiles.BODY);
  }

  @Test
  void aBodyNamedWithDotDotIsRefusedAtItsLineAndColumn() throws Exception {
    outside("secret.md", SECRET);
    Path campaign = withBody(campaignDir(), "../elsewhere/secret.md");
    assertThat(problemsOf(campaign, List.of())).singleElement().satisfies(p -> {
      assertThat(p.location()).isEqualTo(new Location(campaign.toString(), 13, 3));
      assertThat(p.field()).isEqualTo("petition.body");
      assertThat(p.message()).contains("outside the campaign's folder").contains("--allow-dir").doesNotContain(SECRET);
    });
  }

  @Test
  void aBodyNamedByAnAbsolutePathIsRefused() throws Exception {
    Path secret = outside("secret.md", SECRET);
    Path campaign = withBody(campaignDir(), secret.toAbsolutePath().toString());
    assertThat(problemsOf(campaign, List.of())).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("outside the campaign's folder"));
  }

  @Test
  void aSymlinkInsideTheFolderThatLeadsOutsideIsRefused() throws Exception {
    Path secret = outside("secret.md", SECRET);
    Path dir = campaignDir();
    Files.createSymbolicLink(dir.resolve("innocent.md"), secret);
    Path campaign = withBody(dir, "innocent.md");
    assertThat(problemsOf(campaign, List.of())).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("petition.body");
      assertThat(p.message()).contains("outside the campaign's folder").contains("it leads to " + secret.toRealPath());
    });
  }

  @Test
  void aSymlinkThatStaysInsideTheFolderIsRead() throws Exception {
    Path dir = campaignDir();
    Files.writeString(dir.resolve("real.md"), "Dear {{addressee.name}}, we write.");
    Files.createSymbolicLink(dir.resolve("letter.link.md"), dir.resolve("real.md"));
    Campaign c = demarche.load(withBody(dir, "letter.link.md"));
    assertThat(c.petition().body()).startsWith("Dear {{addressee.name}}");
  }

  @Test
  void aFolderTheOperatorAllowsMayBeNamed() throws Exception {
    Path secret = outside("shared.md", "Shared text for {{mission.name}}.");
    Path campaign = withBody(campaignDir(), "../elsewhere/shared.md");
    Campaign c = demarche.load(campaign, List.of(secret.getParent()));
    assertThat(c.petition().body()).isEqualTo("Shared text for {{mission.name}}.");
  }

  @Test
  void aFifoIsRefusedWithoutBeingOpened() throws Exception {
    Path dir = campaignDir();
    Path fifo = dir.resolve("letter.fifo.md");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo").isTrue();
    Path campaign = withBody(dir, "letter.fifo.md");
    // Opening a FIFO with no writer blocks forever: the load must end on its own, and quickly.
    List<Problem> problems = CompletableFuture.supplyAsync(() -> problemsOf(campaign, List.of()))
        .get(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("petition.body");
      assertThat(p.message()).contains("a device, a FIFO or a socket, not a regular file");
    });
  }

  @Test
  void aDeviceInAnAllowedFolderIsStillRefused() throws Exception {
    Path dir = campaignDir();
    Files.createSymbolicLink(dir.resolve("zero.md"), Path.of("/dev/zero"));
    Path campaign = withBody(dir, "zero.md");
    assertThat(problemsOf(campaign, List.of(Path.of("/dev")))).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("a device, a FIFO or a socket"));
  }

  @Test
  void aFolderNamedAsATranslationIsRefused() throws Exception {
    Path dir = campaignDir();
    Files.createDirectories(dir.resolve("ja.md"));
    Path campaign = CampaignFiles.write(dir, CampaignFiles.VALID.replace("signedBy: { name: Hiroshi Kato, title: Executive Director }",
        "signedBy: { name: Hiroshi Kato, title: Executive Director }\n  translations: { ja: ja.md }"), CampaignFiles.BODY);
    assertThat(problemsOf(campaign, List.of())).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("petition.translations.ja");
      assertThat(p.message()).contains("which is a folder, not a regular file");
    });
  }

  @Test
  void aSignatoryListOutsideIsRefusedAndNoSaltsFileIsWrittenThere() throws Exception {
    Path list = outside("signatories.csv", "name,kind\nAid Society,organization\n");
    Path campaign = CampaignFiles.write(campaignDir(),
        CampaignFiles.VALID + "signatories: ../elsewhere/signatories.csv\n", CampaignFiles.BODY);
    assertThat(problemsOf(campaign, List.of())).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("signatories");
      assertThat(p.location().line()).isEqualTo(CampaignFiles.VALID.lines().count() + 1);
    });
    assertThat(Files.list(list.getParent())).containsExactly(list);
  }

  @Test
  void aSignatoryListInAnAllowedFolderKeepsItsSaltsInTheCampaignsFolder() throws Exception {
    Path list = outside("signatories.csv", "name,kind\nAid Society,organization\n");
    Path dir = campaignDir();
    Path campaign = CampaignFiles.write(dir, CampaignFiles.VALID + "signatories: ../elsewhere/signatories.csv\n",
        CampaignFiles.BODY);
    Campaign c = demarche.load(campaign, List.of(list.getParent()));
    ((org.demarche.core.signatories.CommittedSignatories) c.signatories()).commitment();
    assertThat(Files.list(list.getParent())).containsExactly(list);
    assertThat(dir.resolve("signatories.csv.salts")).isRegularFile();
  }

  @Test
  void aDirectoryFileOutsideIsRefusedAtItsListEntry() throws Exception {
    outside("corrections.json", "[]");
    Path campaign = CampaignFiles.write(campaignDir(), CampaignFiles.VALID.replace("directories: [bundled]",
        "directories:\n    - bundled\n    - ../elsewhere/corrections.json"), CampaignFiles.BODY);
    assertThat(problemsOf(campaign, List.of())).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("recipients.directories[1]");
      assertThat(p.location()).isEqualTo(new Location(campaign.toString(), 19, 7));
    });
  }

  @Test
  void aKeyFileInPluginSettingsIsCheckedTheSameWay() throws Exception {
    outside("dkim.pem", "-----BEGIN PRIVATE KEY-----");
    Path campaign = CampaignFiles.write(campaignDir(), CampaignFiles.VALID.replace("  renderer: text",
        "  renderer: text\n  counting: { keyFile: ../elsewhere/dkim.pem }"), CampaignFiles.BODY);
    Campaign c = demarche.load(campaign);
    record KeySection(Path keyFile) {}
    assertThat(c.delivery().section("counting").orElseThrow().check(KeySection.class)).singleElement()
        .satisfies(p -> {
          assertThat(p.field()).isEqualTo("delivery.counting.keyFile");
          assertThat(p.message()).contains("outside the campaign's folder");
        });
  }

  @Test
  void theCampaignFileItselfMayNotBeAFifo() throws Exception {
    Path fifo = campaignDir().resolve("campaign.yaml");
    new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(10, TimeUnit.SECONDS);
    assertThatCode(() -> CompletableFuture.supplyAsync(() -> problemsOf(fifo, List.of()))
        .get(10, TimeUnit.SECONDS)).doesNotThrowAnyException();
    assertThat(problemsOf(fifo, List.of())).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("is not a regular file"));
  }

  /** One way of naming a file that a campaign must not read, set up in the campaign's folder. */
  private record Hostile(String label, String name) {}

  private List<Hostile> hostileNames(Path dir) throws Exception {
    Path secret = outside("secret.md", SECRET);
    Files.createSymbolicLink(dir.resolve("link-out.md"), secret);
    Files.createSymbolicLink(dir.resolve("chain.md"), dir.resolve("link-out.md"));
    Files.createSymbolicLink(dir.resolve("dangling.md"), root.resolve("elsewhere/gone.md"));
    Files.createSymbolicLink(dir.resolve("zero.md"), Path.of("/dev/zero"));
    Files.createDirectories(dir.resolve("folder.md"));
    new ProcessBuilder("mkfifo", dir.resolve("fifo.md").toString()).start().waitFor(10, TimeUnit.SECONDS);
    return List.of(new Hostile("..", "../elsewhere/secret.md"), new Hostile("absolute", secret.toString()),
        new Hostile("symlink out", "link-out.md"), new Hostile("chain of links", "chain.md"),
        new Hostile("dangling link", "dangling.md"), new Hostile("device", "zero.md"),
        new Hostile("folder", "folder.md"), new Hostile("FIFO", "fifo.md"));
  }

  @Test
  void everyHostileNameIsRefusedInEveryPlaceACampaignNamesAFile() throws Exception {
    Path dir = campaignDir();
    List<Hostile> names = hostileNames(dir);
    record KeySection(Path keyFile) {}
    List<java.util.function.Function<String, String>> places = List.of(
        n -> CampaignFiles.VALID.replace("body: letter.en.md", "body: " + n),
        n -> CampaignFiles.VALID.replace("  closing: Sincerely,", "  closing: Sincerely,\n  translations: { ja: '" + n + "' }"),
        n -> CampaignFiles.VALID + "signatories: '" + n + "'\n",
        n -> CampaignFiles.VALID.replace("directories: [bundled]", "directories: [bundled, '" + n + "']"),
        n -> CampaignFiles.VALID.replace("  renderer: text", "  renderer: text\n  counting: { keyFile: '" + n + "' }"));
    int tried = 0;
    int refused = 0;
    long slowest = 0;
    for (var place : places) {
      for (Hostile h : names) {
        Path file = CampaignFiles.write(dir, place.apply(h.name()), CampaignFiles.BODY);
        long t0 = System.nanoTime();
        List<Problem> problems = CompletableFuture.supplyAsync(() -> {
          try {
            Campaign c = demarche.load(file);
            return c.delivery().section("counting").map(s -> s.check(KeySection.class)).orElse(List.of());
          } catch (InvalidInputException e) {
            return e.problems();
          }
        }).get(10, TimeUnit.SECONDS);
        slowest = Math.max(slowest, (System.nanoTime() - t0) / 1_000_000);
        tried++;
        boolean located = problems.size() == 1 && problems.get(0).location().line() > 0
            && !problems.get(0).field().isEmpty();
        assertThat(problems).as(h.label() + " in " + place.apply("X").lines().filter(l -> l.contains("X")).findFirst())
            .isNotEmpty().allSatisfy(p -> assertThat(p.message()).doesNotContain(SECRET));
        refused += located ? 1 : 0;
      }
    }
    System.out.println("campaign folder: " + names.size() + " hostile names (" + String.join(", ",
        names.stream().map(Hostile::label).toList()) + ") x " + places.size()
        + " places (body, translation, signatories, directory file, key file) = " + tried + ", " + refused
        + " refused with file:line and field, 0 read, slowest " + slowest + " ms");
    assertThat(refused).isEqualTo(tried);
  }
}
