/**
 * Guice integration: each plugin's {@link org.demarche.core.guice.PluginModule} and the
 * {@link org.demarche.core.guice.DemarcheModule} that provides a {@link org.demarche.core.Demarche}
 * built from every plugin installed. Optional: nothing else in Demarche needs Guice.
 */
package org.demarche.core.guice;
