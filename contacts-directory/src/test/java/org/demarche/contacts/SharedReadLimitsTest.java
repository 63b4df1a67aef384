package org.demarche.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.demarche.core.Demarche;
import org.demarche.core.files.ReadLimits;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.testing.CampaignFiles;
import org.demarche.core.testing.TestPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A directory file and a campaign file are read within the same limits, and refused with the same words. */
class SharedReadLimitsTest {
  @TempDir
  Path dir;

  /** The problems of a directory file, with the folder left out of the file names. */
  private List<String> directoryProblems(String name, String text) throws Exception {
    Files.writeString(dir.resolve(name), text);
    return problems(() -> ContactDirectories.open(List.of(name), dir));
  }

  private List<String> campaignProblems(String text) throws Exception {
    Path file = CampaignFiles.write(dir, text, CampaignFiles.BODY);
    Demarche demarche = Demarche.builder().install(new TestPlugin()).build();
    return problems(() -> demarche.load(file));
  }

  private List<String> problems(org.assertj.core.api.ThrowableAssert.ThrowingCallable read) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, read);
    return e == null ? List.of() : e.problems().stream().map(p -> p.toString().replace(dir + "/", "")).toList();
  }

  @Test
  void aValueOverTheStringLimitIsRefusedInADirectoryFileAndACampaignFileAlike() throws Exception {
    String tooLong = "x".repeat(ReadLimits.MAX_STRING_CHARS + 1);
    String message = "a value is longer than 100000 characters";

    assertThat(directoryProblems("d.json", "{\"missions\": [\n {\"id\": \"" + tooLong + "\"}]}"))
        .singleElement().asString().startsWith("d.json:2:").endsWith(message);
    assertThat(campaignProblems(CampaignFiles.VALID.replace("name: Hiroshi Kato", "name: " + tooLong)))
        .singleElement().asString().startsWith("campaign.yaml:15:").endsWith(message);
  }

  @Test
  void aValueAtTheStringLimitIsReadByBoth() throws Exception {
    String longest = "x".repeat(ReadLimits.MAX_STRING_CHARS);

    assertThat(directoryProblems("d.json", "{\"missions\": [{\"id\": \"" + longest + "\"}]}"))
        .noneMatch(p -> p.contains("longer than"));
    assertThat(campaignProblems(CampaignFiles.VALID.replace("name: Hiroshi Kato", "name: " + longest)))
        .noneMatch(p -> p.contains("longer than"));
  }

  @Test
  void aCellOverTheLimitIsRefusedInADirectoryCsvAndASignatoryCsvAlike() throws Exception {
    String tooLong = "x".repeat(ReadLimits.MAX_STRING_CHARS + 1);
    String message = "a cell is longer than 100000 characters";
    Files.writeString(dir.resolve("signatories.csv"), "name,city\nHanako,Osaka\nKenji," + tooLong + "\n");

    assertThat(directoryProblems("d.csv", "id,name\ncn-cg-jp-osaka,x\ncn-cg-jp-kobe," + tooLong + "\n"))
        .singleElement().asString().startsWith("d.csv:3:").endsWith(message);
    assertThat(campaignProblems(CampaignFiles.VALID + "signatories: signatories.csv\n"))
        .singleElement().asString().startsWith("signatories.csv:3:").endsWith(message);
  }

  @Test
  void aFileOverTheSizeLimitIsRefusedInADirectoryAndACampaignAlike() throws Exception {
    String padding = "# " + "x".repeat((int) ReadLimits.MAX_FILE_BYTES) + "\n";
    String message = "the file is larger than 4 MB";

    assertThat(directoryProblems("d.csv", "id\n" + padding)).containsExactly("d.csv:1:1: " + message);
    assertThat(directoryProblems("d.json", "{\"missions\": []}" + " ".repeat((int) ReadLimits.MAX_FILE_BYTES)))
        .containsExactly("d.json:1:1: " + message);
    assertThat(campaignProblems(CampaignFiles.VALID + padding)).singleElement().asString().endsWith(message);
  }
}
