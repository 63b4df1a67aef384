package org.demarche.deliver.email;

import org.demarche.core.guice.PluginModule;

/**
 * The plugin as a Guice module: binds the channels {@code smtp} and {@code outbox} by name. Installing
 * it twice binds them once.
 */
public final class EmailModule extends PluginModule {
  public EmailModule() {
    super(new EmailPlugin());
  }
}
