package org.demarche.deliver.email.internal;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.Collections;
import javax.net.ssl.SSLException;
import org.demarche.core.model.DeliveryException;
import org.demarche.core.model.DeliveryException.Kind;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Turns what Jakarta Mail threw into Demarche's failure classes: a 4xx reply, a timeout, a dropped or refused
 * connection or an unknown host is transient; a 5xx reply to RCPT or after DATA is permanent, with the server's
 * words; what the sender's own settings caused (no STARTTLS, TLS or login refused) is sender-side, retried by the
 * next run. A failure after the final
 * "." of DATA without a reply leaves the letter in doubt ({@code maybeDelivered}).
 */
public final class Failures {
  private Failures() {}

  /** A server reply found in an exception chain. */
  record Reply(int code, String text) {}

  public static DeliveryException classify(String letterId, String server, Throwable failure, boolean finalDotSent) {
    List<Throwable> chain = chain(failure);
    List<Reply> replies = new ArrayList<>();
    for (Throwable t : chain) {
      if (t instanceof SMTPAddressFailedException a && a.getReturnCode() >= 400) {
        replies.add(new Reply(a.getReturnCode(), oneLine(a.getMessage())));
      } else if (t instanceof SMTPSendFailedException s && s.getReturnCode() >= 400) {
        replies.add(new Reply(s.getReturnCode(), oneLine(s.getMessage())));
      }
    }
    Optional<Reply> permanent = replies.stream().filter(r -> r.code() >= 500).findFirst();
    if (permanent.isPresent()) {
      return new DeliveryException(Kind.PERMANENT, "letter " + letterId + ": " + server + " refused it for good: "
          + permanent.get().text(), Optional.of(permanent.get().text()), false, failure);
    }
    Optional<Reply> temporary = replies.stream().filter(r -> r.code() >= 400).findFirst();
    if (temporary.isPresent()) {
      return new DeliveryException(Kind.TRANSIENT, "letter " + letterId + ": " + server + " deferred it: "
          + temporary.get().text(), Optional.of(temporary.get().text()), false, failure);
    }
    AuthenticationFailedException auth = find(chain, AuthenticationFailedException.class);
    if (auth != null) {
      String reply = oneLine(auth.getMessage());
      return new DeliveryException(Kind.SENDER_SIDE, "letter " + letterId + ": " + server + " refused the login"
          + (reply.isBlank() ? "" : " (" + reply + ")") + ": check username and the password or token setting"
          + " (passwordEnv, passwordFile, tokenCommand, tokenFile); the next run tries again",
          reply.isBlank() ? Optional.empty() : Optional.of(reply), false, failure);
    }
    if (find(chain, CertificateException.class) != null || find(chain, SSLException.class) != null) {
      return new DeliveryException(Kind.SENDER_SIDE, "letter " + letterId + ": the TLS connection to " + server
          + " failed (" + rootMessage(chain) + "); its certificate must be trusted by this Java runtime and name"
          + " the host: fix the host or the server's certificate; the next run tries again", Optional.empty(), false,
          failure);
    }
    String text = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
    if (text.contains("starttls is required")) {
      return new DeliveryException(Kind.SENDER_SIDE, "letter " + letterId + ": " + server + " does not offer STARTTLS,"
          + " which tls: starttls requires: use tls: smtps if it speaks TLS on connect, or tls: none for a server on"
          + " this machine (--smtp-tls); nothing was sent, the next run tries again", Optional.empty(), false,
          failure);
    }
    if (find(chain, UnknownHostException.class) != null) {
      return new DeliveryException(Kind.TRANSIENT, "letter " + letterId + ": the host of " + server
          + " is unknown (" + rootMessage(chain) + ")", Optional.empty(), false, failure);
    }
    return connectionFailure(letterId, server, failure, finalDotSent, chain, text);
  }

  /** A failure without a server reply: the connection timed out, dropped, was refused, or the server misbehaved. */
  private static DeliveryException connectionFailure(String letterId, String server, Throwable failure,
      boolean finalDotSent, List<Throwable> chain, String text) {
    NoDelaySocketFactory.ReplyTooLongException huge = find(chain, NoDelaySocketFactory.ReplyTooLongException.class);
    NoDelaySocketFactory.DeadlineException late = find(chain, NoDelaySocketFactory.DeadlineException.class);
    if ((huge != null || late != null) && !finalDotSent) {
      return new DeliveryException(Kind.TRANSIENT, "letter " + letterId + ": " + server + " misbehaved: "
          + (huge != null ? huge.getMessage() : late.getMessage()) + "; nothing was accepted, the letter is retried",
          Optional.empty(), false, failure);
    }
    boolean timeout = find(chain, SocketTimeoutException.class) != null;
    String what = timeout ? "timed out" : find(chain, ConnectException.class) != null ? "could not connect"
        : find(chain, IOException.class) != null || text.contains("[eof]") ? "lost the connection" : "failed";
    if (finalDotSent) {
      return new DeliveryException(Kind.TRANSIENT, "letter " + letterId + ": the message was sent to " + server
          + " but the connection " + (late != null ? "passed its deadline" : huge != null ? "was closed on a huge reply"
              : timeout ? "timed out" : "dropped") + " before the server confirmed it: it may have been delivered",
          Optional.empty(), true, failure);
    }
    return new DeliveryException(Kind.TRANSIENT, "letter " + letterId + ": " + server + " " + what + " ("
        + rootMessage(chain) + ")", Optional.empty(), false, failure);
  }

  /** True when the failure is the connection itself (no server reply), e.g. a server that dropped an idle connection. */
  public static boolean isConnectionLoss(Throwable failure) {
    List<Throwable> chain = chain(failure);
    for (Throwable t : chain) {
      if (t instanceof SMTPSendFailedException s && s.getReturnCode() > 0) {
        return false;
      }
      if (t instanceof SMTPAddressFailedException) {
        return false;
      }
    }
    String text = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
    return find(chain, IOException.class) != null || text.contains("[eof]")
        || (failure instanceof SMTPSendFailedException s && s.getReturnCode() <= 0);
  }

  static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }

  private static String rootMessage(List<Throwable> chain) {
    Throwable root = chain.get(chain.size() - 1);
    String m = root.getMessage();
    return root.getClass().getSimpleName() + (m == null ? "" : ": " + oneLine(m));
  }

  private static <T extends Throwable> T find(List<Throwable> chain, Class<T> type) {
    for (Throwable t : chain) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static List<Throwable> chain(Throwable failure) {
    List<Throwable> out = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> todo = new ArrayList<>(List.of(failure));
    while (!todo.isEmpty()) {
      Throwable t = todo.remove(0);
      if (t == null || !seen.add(t)) {
        continue;
      }
      out.add(t);
      todo.add(t.getCause());
      if (t instanceof MessagingException m) {
        todo.add(m.getNextException());
      }
    }
    return out;
  }
}
