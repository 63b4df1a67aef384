package org.demarche.deliver.email.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.util.Locale;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus Mail's SMTP transport, noting how far the current message got: the verb of the last command
 * (never its arguments, which may carry credentials) and whether the final "." of DATA went out. A
 * failure after the final "." may mean the server accepted the message: the letter is in doubt.
 */
public final class TrackingSmtpTransport extends SMTPTransport {
  private volatile boolean finalDotSent;
  private volatile String lastVerb = "";

  /** The constructor Jakarta Mail's provider mechanism calls. */
  public TrackingSmtpTransport(Session session, URLName urlname) {
    super(session, urlname, protocol(urlname), "smtps".equals(protocol(urlname)));
  }

  private static String protocol(URLName urlname) {
    return urlname != null && "smtps".equals(urlname.getProtocol()) ? "smtps" : "smtp";
  }

  /** Forgets the previous message's progress; called before each message. */
  public void beginMessage() {
    finalDotSent = false;
    lastVerb = "";
  }

  /** True once the "." ending the current message's DATA was handed to the socket. */
  public boolean finalDotSent() {
    return finalDotSent;
  }

  /** The verb of the last command sent, e.g. {@code MAIL}, {@code RCPT}, {@code DATA}, {@code .}. */
  public String lastVerb() {
    return lastVerb;
  }

  @Override
  protected void sendCommand(String cmd) throws MessagingException {
    int space = cmd.indexOf(' ');
    String verb = (space < 0 ? cmd : cmd.substring(0, space)).toUpperCase(Locale.ROOT);
    lastVerb = verb.length() > 10 ? verb.substring(0, 10) : verb;
    if (cmd.equals(".")) {
      // Set before writing: if the write fails half-way, the server may still have seen the whole line.
      finalDotSent = true;
    }
    super.sendCommand(cmd);
  }
}
