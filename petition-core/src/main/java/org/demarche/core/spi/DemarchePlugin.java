package org.demarche.core.spi;

/**
 * A plugin module's entry point: it registers its channels, renderers and directories by name.
 *
 * <p>An application installs plugins explicitly ({@code Demarche.builder().install(plugin)});
 * installing the same plugin twice is harmless. The runner also finds plugins on its class path
 * through {@link java.util.ServiceLoader}: a plugin jar lists its class in
 * {@code META-INF/services/org.demarche.core.spi.DemarchePlugin}.
 */
public interface DemarchePlugin {

  /** The plugin's artifact id, e.g. {@code render-pdf}; two plugins with one name are the same plugin. */
  String name();

  /** Registers what this plugin provides. */
  void install(PluginRegistry registry);
}
