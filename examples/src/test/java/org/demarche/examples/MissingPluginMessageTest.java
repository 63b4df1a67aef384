package org.demarche.examples;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.demarche.contacts.ContactsPlugin;
import org.demarche.core.Demarche;
import org.demarche.core.model.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin that is on the class path but was not installed is named by what it publishes. */
class MissingPluginMessageTest {
  @TempDir
  Path dir;

  @Test
  void aChannelOfAPluginOnTheClassPathButNotInstalledNamesThePluginAndHowToInstallIt() throws Exception {
    Path campaign = Path.of("campaigns/world-save-north-korean-refugees-day");
    Path copy = dir.resolve("c");
    Files.createDirectories(copy);
    try (var files = Files.list(campaign)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    Demarche onlyContacts = Demarche.builder().install(new ContactsPlugin()).build();

    assertThatThrownBy(() -> onlyContacts.load(copy.resolve("campaign.yaml")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("the channel 'outbox' is provided by no installed plugin: the plugin deliver-email on the"
            + " class path provides it; install it with Demarche.builder().install(new EmailPlugin()), or its Guice"
            + " module EmailModule")
        .hasMessageContaining("the renderer 'pdf' is provided by no installed plugin: the plugin render-pdf on the"
            + " class path provides it; install it with Demarche.builder().install(new PdfPlugin()), or its Guice"
            + " module PdfModule");
  }
}
