package org.demarche.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PreviewsTest {
  @Test
  void rendersPageOneAsAPngOfTheRequestedResolution() throws Exception {
    byte[] png = Previews.firstPagePng(PdfRenderer.defaults().render(Letters.japanese()), 72);
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(img.getWidth()).isEqualTo(595);
    assertThat(img.getHeight()).isEqualTo(841);
    int dark = 0;
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        if ((img.getRGB(x, y) & 0xFF) < 128) {
          dark++;
        }
      }
    }
    assertThat(dark).as("inked pixels").isGreaterThan(500);
  }
}
