/**
 * Diplomatic missions with sourced contact facts, consular jurisdictions and "which mission serves this place".
 * Start at {@link org.demarche.contacts.ContactDirectories}; the Guice module is
 * {@link org.demarche.contacts.ContactsModule}.
 */
package org.demarche.contacts;
