package org.demarche.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.demarche.core.spi.ContactDirectory;
import org.demarche.core.spi.DemarchePlugin;
import org.demarche.core.spi.DirectoryFactory;
import org.junit.jupiter.api.Test;

class PluginWiringTest {
  @Test
  void serviceLoaderFindsThePlugin() {
    assertThat(ServiceLoader.load(DemarchePlugin.class).stream().map(ServiceLoader.Provider::get)
        .map(DemarchePlugin::name)).contains("contacts-directory");
  }

  @Test
  void guiceModuleBindsTheDirectoryFactoryOnceEvenIfInstalledTwice() {
    Injector injector = Guice.createInjector(Stage.PRODUCTION, binder -> binder.requireExplicitBindings(),
        new ContactsModule(), new ContactsModule());
    Optional<DirectoryFactory> factory = injector.getInstance(Key.get(new TypeLiteral<Optional<DirectoryFactory>>() { }));
    ContactDirectory d = factory.orElseThrow().open(List.of("bundled"), Path.of("."));
    assertThat(d.byId("cn-embassy-jp-tokyo")).isPresent();
  }
}
