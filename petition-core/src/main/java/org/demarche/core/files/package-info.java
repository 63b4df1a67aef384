/**
 * Reading the files a campaign names, with the file, line and column of every value, so that a bad
 * value is reported where it was written: {@link org.demarche.core.files.LocatedTree} reads a YAML or
 * JSON document within one set of limits, and {@link org.demarche.core.files.FieldReader} walks it,
 * collecting every problem instead of stopping at the first. Plugins that read their own files (a
 * directory of missions, say) use these too.
 */
package org.demarche.core.files;
