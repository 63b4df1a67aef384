package org.demarche.core.guice;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.OptionalBinder;
import java.util.Objects;
import org.demarche.core.spi.ChannelFactory;
import org.demarche.core.spi.DemarchePlugin;
import org.demarche.core.spi.DirectoryFactory;
import org.demarche.core.spi.PluginRegistry;
import org.demarche.core.spi.RendererFactory;

/**
 * A plugin as a Guice module: its channels and renderers bound by name in {@link MapBinder}s, its
 * directory provider in an {@link OptionalBinder}. Each plugin module offers a subclass; two
 * instances for the same plugin are equal, so Guice installs a plugin once however often it is named.
 */
public class PluginModule extends AbstractModule {
  private final DemarchePlugin plugin;

  public PluginModule(DemarchePlugin plugin) {
    this.plugin = Objects.requireNonNull(plugin, "plugin");
  }

  @Override
  protected void configure() {
    MapBinder<String, ChannelFactory> channels = MapBinder.newMapBinder(binder(), String.class, ChannelFactory.class);
    MapBinder<String, RendererFactory> renderers =
        MapBinder.newMapBinder(binder(), String.class, RendererFactory.class);
    OptionalBinder<DirectoryFactory> directories = OptionalBinder.newOptionalBinder(binder(), DirectoryFactory.class);
    plugin.install(new PluginRegistry() {
      @Override
      public void channel(String name, ChannelFactory factory) {
        channels.addBinding(name).toInstance(factory);
      }

      @Override
      public void renderer(String name, RendererFactory factory) {
        renderers.addBinding(name).toInstance(factory);
      }

      @Override
      public void directories(DirectoryFactory factory) {
        directories.setBinding().toInstance(factory);
      }
    });
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
