package org.demarche.contacts;

import org.demarche.core.guice.PluginModule;

/** The contacts directory as a Guice module: binds its {@link org.demarche.core.spi.DirectoryFactory}. */
public final class ContactsModule extends PluginModule {
  public ContactsModule() {
    super(new ContactsPlugin());
  }
}
