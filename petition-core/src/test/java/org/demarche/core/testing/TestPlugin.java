package org.demarche.core.testing;

import java.util.List;
import org.demarche.core.contract.Fixtures;
import org.demarche.core.spi.DemarchePlugin;
import org.demarche.core.spi.PluginRegistry;

/** A plugin with a counting channel, a text renderer and an in-memory directory of three missions. */
public final class TestPlugin implements DemarchePlugin {
  public static final CountingChannel CHANNEL = new CountingChannel();

  @Override
  public String name() {
    return "test-plugin";
  }

  @Override
  public void install(PluginRegistry registry) {
    registry.channel("counting", context -> new CountingChannel());
    registry.renderer("text", settings -> new TextRenderer());
    registry.directories((layers, baseDir) -> new InMemoryDirectory(
        List.of(Fixtures.osaka(), Fixtures.sapporo(), Fixtures.nagasakiWithoutEmail())));
  }
}
