package org.demarche.render.pdf;

import org.demarche.core.guice.PluginModule;

/** The Guice module of the {@code render-pdf} plugin: binds the renderer {@code pdf} by name. */
public final class PdfModule extends PluginModule {
  public PdfModule() {
    super(new PdfPlugin());
  }
}
