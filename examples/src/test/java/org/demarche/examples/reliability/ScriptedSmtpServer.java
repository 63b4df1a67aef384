package org.demarche.examples.reliability;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small real SMTP server on 127.0.0.1 whose replies a test scripts by recipient: a 550 to RCPT TO, or
 * a 554 after DATA. It counts, per recipient, the RCPT TO commands and the messages it accepted. (A
 * cut-down copy of deliver-email's test server, which that module does not publish.)
 */
final class ScriptedSmtpServer implements AutoCloseable {
  private final ServerSocket server;
  private final Map<String, Integer> rcptCount = new ConcurrentHashMap<>();
  private final Map<String, Integer> acceptedCount = new ConcurrentHashMap<>();
  private final Map<String, String> acceptedMessageIds = new ConcurrentHashMap<>();
  private final Function<String, String> rcptReply;
  private final Function<String, String> dataEndReply;

  /** {@code rcptReply} and {@code dataEndReply} map a recipient address to the reply to send. */
  ScriptedSmtpServer(Function<String, String> rcptReply, Function<String, String> dataEndReply) throws IOException {
    this.rcptReply = rcptReply;
    this.dataEndReply = dataEndReply;
    server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    Thread acceptor = new Thread(this::acceptLoop, "scripted-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  int rcptCommands(String address) {
    return rcptCount.getOrDefault(address, 0);
  }

  int accepted(String address) {
    return acceptedCount.getOrDefault(address, 0);
  }

  /** The Message-ID header of the last message accepted for {@code address}, or null. */
  String acceptedMessageId(String address) {
    return acceptedMessageIds.get(address);
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        Thread t = new Thread(() -> serve(s), "scripted-smtp-session");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (Socket s = socket) {
      InputStream in = new BufferedInputStream(s.getInputStream());
      OutputStream out = s.getOutputStream();
      reply(out, "220 scripted.test ESMTP");
      String recipient = null;
      String line;
      while ((line = readLine(in)) != null) {
        String upper = line.toUpperCase(Locale.ROOT);
        if (upper.startsWith("EHLO")) {
          reply(out, "250-scripted.test\r\n250 8BITMIME");
        } else if (upper.startsWith("HELO")) {
          reply(out, "250 scripted.test");
        } else if (upper.startsWith("MAIL FROM")) {
          recipient = null;
          reply(out, "250 2.1.0 OK");
        } else if (upper.startsWith("RCPT TO")) {
          String rcpt = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
          rcptCount.merge(rcpt, 1, Integer::sum);
          String r = rcptReply.apply(rcpt);
          if (r.startsWith("250")) {
            recipient = rcpt;
          }
          reply(out, r);
        } else if (upper.equals("DATA")) {
          if (recipient == null) {
            reply(out, "503 5.5.1 no valid recipients");
            continue;
          }
          reply(out, "354 end with <CRLF>.<CRLF>");
          String messageId = null;
          while ((line = readLine(in)) != null && !line.equals(".")) {
            if (messageId == null && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
              messageId = line.substring(11).trim();
            }
          }
          String r = dataEndReply.apply(recipient);
          if (r.startsWith("250")) {
            acceptedCount.merge(recipient, 1, Integer::sum);
            if (messageId != null) {
              acceptedMessageIds.put(recipient, messageId);
            }
          }
          reply(out, r);
        } else if (upper.equals("RSET") || upper.equals("NOOP")) {
          recipient = upper.equals("RSET") ? null : recipient;
          reply(out, "250 2.0.0 OK");
        } else if (upper.equals("QUIT")) {
          reply(out, "221 2.0.0 bye");
          return;
        } else {
          reply(out, "502 5.5.2 command not implemented");
        }
      }
    } catch (IOException | RuntimeException e) {
      // the client went away: end this session
    }
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
