/**
 * Email delivery for Demarche: {@link org.demarche.deliver.email.SmtpChannel} sends letters through an
 * SMTP server (Simple Java Mail, TLS required, connection reuse, rate limits, DKIM),
 * {@link org.demarche.deliver.email.OutboxChannel} writes ready-to-send {@code .eml} files and PDFs into a
 * folder. {@link org.demarche.deliver.email.EmailPlugin} registers both; {@link
 * org.demarche.deliver.email.EmailModule} is the Guice module.
 */
package org.demarche.deliver.email;
