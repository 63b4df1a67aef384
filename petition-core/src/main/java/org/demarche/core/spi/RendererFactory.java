package org.demarche.core.spi;

import java.util.List;
import org.demarche.core.model.Problem;
import org.demarche.core.model.Settings;

/** Builds a renderer from a campaign's settings (paper size, fonts, ...). */
public interface RendererFactory {

  default List<Problem> validate(Settings settings) {
    return List.of();
  }

  LetterRenderer create(Settings settings);
}
