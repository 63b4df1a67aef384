/**
 * Implementation of the contacts directory: file readers, records and their merging, the index, the
 * region lookup. Not API: anything here may change without notice; use {@link org.demarche.contacts.ContactDirectories}.
 */
package org.demarche.contacts.internal;
