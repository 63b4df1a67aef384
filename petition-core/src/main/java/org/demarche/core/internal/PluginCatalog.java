package org.demarche.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.demarche.core.spi.ChannelFactory;
import org.demarche.core.spi.DemarchePlugin;
import org.demarche.core.spi.DirectoryFactory;
import org.demarche.core.spi.PluginRegistry;
import org.demarche.core.spi.RendererFactory;

/**
 * What the plugins on a class path provide, read from what they publish (their {@link ServiceLoader}
 * declaration and the names they register), so that "no plugin provides X" can name the plugin that
 * would, without a table of other modules in core.
 */
public final class PluginCatalog {
  /** What a plugin provides: a channel or renderer by name, or the directory provider. */
  public enum Kind { CHANNEL, RENDERER, DIRECTORIES }

  private PluginCatalog() {}

  /** The plugins on {@code loader}'s class path that provide {@code name} of {@code kind}. */
  public static List<DemarchePlugin> providers(Kind kind, String name, ClassLoader loader) {
    List<DemarchePlugin> out = new ArrayList<>();
    try {
      for (DemarchePlugin plugin : ServiceLoader.load(DemarchePlugin.class, loader)) {
        if (provides(plugin, kind, name)) {
          out.add(plugin);
        }
      }
    } catch (ServiceConfigurationError e) {
      // A broken plugin jar must not hide the message about the missing one.
    }
    return out;
  }

  /** How to install {@code plugin}, by the convention that a plugin {@code XPlugin} has a Guice module {@code XModule}. */
  public static String howToInstall(DemarchePlugin plugin) {
    Class<?> type = plugin.getClass();
    String advice = "Demarche.builder().install(new " + type.getSimpleName() + "())";
    Optional<String> module = guiceModule(type);
    return module.map(m -> advice + ", or its Guice module " + m).orElse(advice);
  }

  private static Optional<String> guiceModule(Class<?> pluginType) {
    String name = pluginType.getName();
    if (!name.endsWith("Plugin")) {
      return Optional.empty();
    }
    String moduleName = name.substring(0, name.length() - "Plugin".length()) + "Module";
    try {
      Class.forName(moduleName, false, pluginType.getClassLoader());
      return Optional.of(moduleName.substring(moduleName.lastIndexOf('.') + 1));
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
  }

  private static boolean provides(DemarchePlugin plugin, Kind kind, String name) {
    boolean[] found = {false};
    plugin.install(new PluginRegistry() {
      @Override
      public void channel(String n, ChannelFactory factory) {
        found[0] |= kind == Kind.CHANNEL && n.equals(name);
      }

      @Override
      public void renderer(String n, RendererFactory factory) {
        found[0] |= kind == Kind.RENDERER && n.equals(name);
      }

      @Override
      public void directories(DirectoryFactory factory) {
        found[0] |= kind == Kind.DIRECTORIES;
      }
    });
    return found[0];
  }

  /** Says that no installed plugin provides {@code name}, and which plugin on the class path would. */
  public static String missing(String what, String name, java.util.Set<String> installed) {
    Kind kind = what.equals("channel") ? Kind.CHANNEL : Kind.RENDERER;
    return "the " + what + " '" + name + "' is provided by no installed plugin" + advice(kind, name)
        + ". Installed " + what + "s: " + (installed.isEmpty() ? "none" : String.join(", ", new TreeSet<>(installed)));
  }

  /** Says that no installed plugin reads mission directories, and which plugin on the class path would. */
  public static String noDirectories() {
    return "no installed plugin reads mission directories" + advice(Kind.DIRECTORIES, "");
  }

  /** Names the plugin that would provide what is missing, from what the plugins on the class path publish. */
  private static String advice(Kind kind, String name) {
    List<DemarchePlugin> found = providers(kind, name, PluginCatalog.class.getClassLoader());
    if (found.isEmpty()) {
      return "; add the plugin module that provides it to the class path and install its plugin"
          + " (docs/architecture.md lists the project's plugins)";
    }
    DemarchePlugin plugin = found.get(0);
    return ": the plugin " + plugin.name() + " on the class path provides it; install it with "
        + howToInstall(plugin);
  }
}
