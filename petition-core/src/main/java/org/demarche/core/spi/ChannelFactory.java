package org.demarche.core.spi;

import java.util.List;
import org.demarche.core.model.Problem;
import org.demarche.core.model.Settings;

/** Builds a delivery channel from a campaign's settings. */
public interface ChannelFactory {

  /** Checks the channel's settings when a campaign is loaded; every problem at once, empty when valid. */
  default List<Problem> validate(Settings settings) {
    return List.of();
  }

  /** Opens the channel. Called only after {@link #validate} found nothing wrong. */
  DeliveryChannel open(ChannelContext context);
}
