package org.demarche.core;

import org.demarche.core.model.Campaign;
import org.demarche.core.model.InvalidInputException;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.demarche.core.guice.DemarcheModule;
import org.demarche.core.guice.PluginModule;
import org.demarche.core.spi.DemarchePlugin;
import org.demarche.core.spi.PluginRegistry;
import org.demarche.core.testing.CampaignFiles;
import org.demarche.core.testing.TestPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginInstallationTest {
  @TempDir
  Path dir;

  static final class CountingPlugin implements DemarchePlugin {
    final AtomicInteger installs = new AtomicInteger();

    @Override
    public String name() {
      return "counting-plugin";
    }

    @Override
    public void install(PluginRegistry registry) {
      installs.incrementAndGet();
      new TestPlugin().install(registry);
    }
  }

  @Test
  void aPluginInstalledTwiceIsInstalledOnce() {
    CountingPlugin plugin = new CountingPlugin();

    Demarche demarche = Demarche.builder().install(plugin).install(plugin).install(new CountingPlugin()).build();

    assertThat(plugin.installs).hasValue(1);
    assertThat(demarche.plugins()).containsExactly("counting-plugin");
    assertThat(demarche.channelNames()).containsExactly("counting");
  }

  @Test
  void aPluginModuleInstalledTwiceInGuiceIsBoundOnce() {
    CountingPlugin plugin = new CountingPlugin();
    Injector injector = Guice.createInjector(Stage.PRODUCTION, new DemarcheModule(), new PluginModule(plugin),
        new PluginModule(plugin), new DemarcheModule());

    Demarche demarche = injector.getInstance(Demarche.class);

    assertThat(plugin.installs).hasValue(1);
    assertThat(demarche.channelNames()).containsExactly("counting");
    assertThat(demarche.rendererNames()).containsExactly("text");
  }

  @Test
  void aPluginOnTheClassPathIsFoundThroughServiceLoaderAndUsableByName() throws Exception {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(services.resolve("org.demarche.core.spi.DemarchePlugin"), TestPlugin.class.getName() + "\n");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      Demarche demarche = Demarche.builder().installDiscovered(loader).build();

      assertThat(demarche.plugins()).containsExactly("test-plugin");
      Path campaignDir = Files.createDirectory(dir.resolve("campaign"));
      Campaign campaign = demarche.load(CampaignFiles.valid(campaignDir));
      RunReport report = demarche.run(campaign, RunOptions.outbox(dir.resolve("out")));
      assertThat(report.count(RunReport.Result.SENT)).isEqualTo(2);
    }
  }

  @Test
  void withoutAnyPluginTheCampaignSaysWhatIsMissing() {
    Demarche bare = Demarche.builder().build();
    Path file = CampaignFiles.valid(dir);

    try {
      bare.load(file);
      throw new AssertionError("loaded without plugins");
    } catch (InvalidInputException e) {
      // petition-core's own class path holds no plugin, so the message can only say what is missing.
      assertThat(e.getMessage()).contains("no installed plugin reads mission directories")
          .contains("'counting' is provided by no installed plugin; add the plugin module that provides it");
    }
  }
}
