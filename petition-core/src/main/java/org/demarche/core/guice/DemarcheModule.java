package org.demarche.core.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.OptionalBinder;
import java.util.Map;
import java.util.Optional;
import org.demarche.core.Demarche;
import org.demarche.core.spi.ChannelFactory;
import org.demarche.core.spi.DirectoryFactory;
import org.demarche.core.spi.RendererFactory;

/**
 * Provides a {@link Demarche} built from every plugin module installed beside it:
 * {@code Guice.createInjector(new DemarcheModule(), new ContactsModule(), new PdfRendererModule(), new EmailModule())}.
 */
public final class DemarcheModule extends AbstractModule {
  @Override
  protected void configure() {
    // Declared here too so that an injector without any plugin still starts (and says what is missing).
    MapBinder.newMapBinder(binder(), String.class, ChannelFactory.class);
    MapBinder.newMapBinder(binder(), String.class, RendererFactory.class);
    OptionalBinder.newOptionalBinder(binder(), DirectoryFactory.class);
  }

  @Provides
  @Singleton
  Demarche demarche(Map<String, ChannelFactory> channels, Map<String, RendererFactory> renderers,
      Optional<DirectoryFactory> directories) {
    return Demarche.of(channels, renderers, directories);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DemarcheModule;
  }

  @Override
  public int hashCode() {
    return DemarcheModule.class.hashCode();
  }
}
