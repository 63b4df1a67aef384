package org.demarche.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.demarche.core.model.Receipt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingExamplesTest {
  static final Path FOUNDING = Path.of("campaigns/world-save-north-korean-refugees-day/campaign.yaml");

  @TempDir
  Path out;

  private static long filesIn(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".pdf")).count();
    }
  }

  @Test
  void thePlainJavaExamplePutsALetterInTheOutbox() throws Exception {
    Receipt receipt = PlainJavaExample.firstLetterToOutbox(FOUNDING, out);

    assertThat(receipt.channel()).isEqualTo("outbox");
    assertThat(filesIn(out)).isPositive();
  }

  @Test
  void theGuiceExamplePutsALetterInTheOutbox() throws Exception {
    Receipt receipt = GuiceExample.firstLetterToOutbox(FOUNDING, out);

    assertThat(receipt.channel()).isEqualTo("outbox");
    assertThat(filesIn(out)).isPositive();
  }
}
