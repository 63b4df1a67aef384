package org.demarche.contacts;

import org.demarche.core.spi.DemarchePlugin;
import org.demarche.core.spi.DirectoryFactory;
import org.demarche.core.spi.PluginRegistry;

/**
 * The contacts-directory plugin: registers a {@link DirectoryFactory} that opens the layers a campaign lists in
 * {@code recipients.directories} ({@code bundled}, or JSON/CSV files relative to the campaign's folder).
 */
public final class ContactsPlugin implements DemarchePlugin {
  @Override
  public String name() {
    return "contacts-directory";
  }

  @Override
  public void install(PluginRegistry registry) {
    registry.directories(ContactDirectories::open);
  }
}
