/** Implementation details of petition-core. Not API: anything here may change without notice. */
package org.demarche.core.internal;
