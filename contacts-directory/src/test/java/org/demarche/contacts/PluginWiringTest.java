package org.demarche.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import org.demarche.core.guice.DemarcheModule;
import org.demarche.core.Demarche;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.demarche.core.spi.ContactDirectory;
import org.demarche.core.spi.DemarchePlugin;
import org.junit.jupiter.api.Test;

class PluginWiringTest {
  @Test
  void serviceLoaderFindsThePlugin() {
    assertThat(ServiceLoader.load(DemarchePlugin.class).stream().map(ServiceLoader.Provider::get)
        .map(DemarchePlugin::name)).contains("contacts-directory");
  }

  @Test
  void guiceModuleBindsTheDirectoryFactoryOnceEvenIfInstalledTwice() {
    Injector injector = Guice.createInjector(Stage.PRODUCTION, new DemarcheModule(), new ContactsModule(),
        new ContactsModule());
    Demarche demarche = injector.getInstance(Demarche.class);
    assertThat(demarche.plugins()).containsExactly("contacts-directory");
    ContactDirectory d = demarche.directory(List.of("bundled"), Path.of("."));
    assertThat(d.byId("cn-embassy-jp-tokyo")).isPresent();
  }
}
