package org.demarche.voice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.demarche.core.model.Campaign;
import org.demarche.core.Demarche;
import org.demarche.core.testing.CampaignFiles;
import org.demarche.core.testing.InMemoryDirectory;
import org.demarche.core.testing.TestPlugin;
import org.demarche.core.contract.Fixtures;

/** A campaign over the three fixture missions (Osaka, Sapporo, Nagasaki without email), with a voice section. */
final class VoiceTesting {
  static final Demarche DEMARCHE = Demarche.builder().install(new TestPlugin()).build();

  private VoiceTesting() {}

  static Campaign campaign(Path dir, String voiceSection) {
    String yaml = CampaignFiles.VALID + (voiceSection.isEmpty() ? "" : "  voice:\n" + voiceSection.indent(4));
    return DEMARCHE.load(CampaignFiles.write(dir, yaml, CampaignFiles.BODY));
  }

  static Voices voices(Campaign campaign) {
    return Voices.create(campaign, directory(), VoiceOptions.from(DEMARCHE.section(campaign, "delivery.voice")));
  }

  static InMemoryDirectory directory() {
    return new InMemoryDirectory(List.of(Fixtures.osaka(), Fixtures.sapporo(), Fixtures.nagasakiWithoutEmail()));
  }

  static Supporter inRegion(String name, String email, String region, String paragraph) {
    return Supporter.of(name, Optional.ofNullable(email), Optional.empty(), Optional.of(region), Optional.empty(),
        Optional.ofNullable(paragraph));
  }

  static Path csv(Path dir, String name, String content) {
    try {
      Path file = dir.resolve(name);
      Files.writeString(file, content);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
