package org.demarche.core.guice;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import java.util.Objects;
import org.demarche.core.spi.DemarchePlugin;

/**
 * A plugin as a Guice module: it contributes the plugin to the set from which {@link DemarcheModule}
 * builds the {@link org.demarche.core.Demarche}, exactly as {@code Demarche.builder().install(plugin)}
 * would. Each plugin module offers a subclass named after its plugin ({@code XPlugin} → {@code XModule});
 * two instances for the same plugin are equal, so Guice installs a plugin once however often it is named.
 */
public class PluginModule extends AbstractModule {
  private final DemarchePlugin plugin;

  public PluginModule(DemarchePlugin plugin) {
    this.plugin = Objects.requireNonNull(plugin, "plugin");
  }

  @Override
  protected void configure() {
    Multibinder.newSetBinder(binder(), DemarchePlugin.class).addBinding().toInstance(plugin);
  }

  /** The plugin this module installs. */
  public DemarchePlugin plugin() {
    return plugin;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PluginModule other && other.plugin.name().equals(plugin.name());
  }

  @Override
  public int hashCode() {
    return plugin.name().hashCode();
  }
}
