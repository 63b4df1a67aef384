/**
 * The value model: a campaign, its petition, signatories and missions, the letters planned from them, and
 * the problems found in an input, as immutable records validated when built ({@link
 * org.demarche.core.model.Values} holds the value rules).
 *
 * <p>Plugin settings live here too: {@link org.demarche.core.model.Settings} is a section of a campaign
 * file with the location of every key, and {@link org.demarche.core.model.Settings#bind} is the one binder
 * that turns it into a plugin's settings record, reporting every problem through the same
 * {@link org.demarche.core.model.Problem} list the campaign loader uses. The binder sits in the model, not
 * in a package of its own, because it needs nothing above the model (it reads text values with their
 * locations and calls a record's constructor) and because {@code Settings} is a model value that the SPI,
 * the engine and every plugin already share; a package above the model could not give {@code Settings}
 * a {@code bind} method without an import pointing upward. It depends on no YAML or JSON library: the
 * campaign loader turns the located tree into {@code Settings}, so no Jackson type appears in this package.
 */
package org.demarche.core.model;
