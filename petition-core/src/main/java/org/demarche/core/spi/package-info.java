/**
 * The plugin interfaces: {@link org.demarche.core.spi.ContactDirectory},
 * {@link org.demarche.core.spi.LetterRenderer}, {@link org.demarche.core.spi.DeliveryChannel},
 * {@link org.demarche.core.spi.DeliveryJournal}, and {@link org.demarche.core.spi.DemarchePlugin}
 * through which a plugin module registers its implementations by name. No Guice type appears here.
 */
package org.demarche.core.spi;
