/**
 * The workings of the email channels: message building, header checks, SMTP connection handling,
 * failure classes, throttling, DKIM. <b>Not API</b>: anything here may change without notice; use
 * {@link org.demarche.deliver.email.SmtpChannel}, {@link org.demarche.deliver.email.OutboxChannel} and
 * {@link org.demarche.deliver.email.EmailPlugin} instead.
 */
package org.demarche.deliver.email.internal;
