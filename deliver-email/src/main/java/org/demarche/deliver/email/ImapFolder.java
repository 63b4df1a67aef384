package org.demarche.deliver.email;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Reads every message of one IMAP folder, read only (nothing is marked, moved or deleted), for importing bounce
 * reports. {@code imaps://host[:port]/folder} (TLS, the server's certificate checked); plain {@code imap://} only to
 * this machine (a test server), as plain SMTP is.
 */
public final class ImapFolder {
  /** One message as its raw bytes, and how to name it in messages ({@code INBOX #3}). */
  public record Fetched(String name, byte[] bytes) {}

  private ImapFolder() {}

  /**
   * The messages of the folder {@code url} names, oldest first.
   *
   * @throws IllegalArgumentException for a URL that is not {@code imaps://host[:port]/folder} or plain IMAP to a
   *     host other than loopback
   * @throws IllegalStateException when the server cannot be reached or refuses the login
   */
  public static List<Fetched> read(URI url, String user, String password) {
    String scheme = String.valueOf(url.getScheme()).toLowerCase(java.util.Locale.ROOT);
    String folderName = url.getPath() == null || url.getPath().length() <= 1 ? "INBOX" : url.getPath().substring(1);
    if (!scheme.equals("imaps") && !scheme.equals("imap") || url.getHost() == null) {
      throw new IllegalArgumentException("--imap: '" + url + "' is not an IMAP folder; write imaps://HOST[:PORT]/FOLDER,"
          + " e.g. imaps://imap.example.org/INBOX");
    }
    if (scheme.equals("imap") && !loopback(url.getHost())) {
      throw new IllegalArgumentException("--imap: plain imap:// is refused to " + url.getHost() + " (the password would"
          + " cross the network unencrypted); use imaps://");
    }
    Properties p = new Properties();
    p.put("mail." + scheme + ".ssl.checkserveridentity", "true");
    p.put("mail." + scheme + ".connectiontimeout", "30000");
    p.put("mail." + scheme + ".timeout", "60000");
    Session session = Session.getInstance(p);
    try (Store store = session.getStore(scheme)) {
      store.connect(url.getHost(), url.getPort(), user, password);
      Folder folder = store.getFolder(folderName);
      folder.open(Folder.READ_ONLY);
      try {
        List<Fetched> all = new ArrayList<>();
        for (Message m : folder.getMessages()) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          m.writeTo(out);
          all.add(new Fetched(folderName + " #" + m.getMessageNumber(), out.toByteArray()));
        }
        return all;
      } finally {
        folder.close(false);
      }
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("cannot read the IMAP folder " + folderName + " at " + url.getHost() + " as "
          + user + ": " + e.getMessage(), e);
    }
  }

  private static boolean loopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
