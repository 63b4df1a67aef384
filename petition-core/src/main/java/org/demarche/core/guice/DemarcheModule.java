package org.demarche.core.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import java.util.Comparator;
import java.util.Set;
import org.demarche.core.Demarche;
import org.demarche.core.spi.DemarchePlugin;

/**
 * Provides a {@link Demarche} built from every plugin module installed beside it, through the same
 * {@link Demarche.Builder#install} an application without Guice calls:
 * {@code Guice.createInjector(new DemarcheModule(), new ContactsModule(), new PdfModule(), new EmailModule())}.
 */
public final class DemarcheModule extends AbstractModule {
  @Override
  protected void configure() {
    // Declared here too so that an injector without any plugin still starts (and says what is missing).
    Multibinder.newSetBinder(binder(), DemarchePlugin.class);
  }

  @Provides
  @Singleton
  Demarche demarche(Set<DemarchePlugin> plugins) {
    Demarche.Builder builder = Demarche.builder();
    // Sorted so that the result does not depend on the order modules were listed in.
    plugins.stream().sorted(Comparator.comparing(DemarchePlugin::name)).forEach(builder::install);
    return builder.build();
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
