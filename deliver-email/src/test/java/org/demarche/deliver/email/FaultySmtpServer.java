package org.demarche.deliver.email;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A small but real SMTP server on 127.0.0.1 whose replies a test chooses, to inject the faults GreenMail
 * cannot: a 4xx or 5xx after DATA, a refused mailbox, a connection dropped in the middle of DATA or after
 * its final ".", silence until the client times out, an idle connection closed, and STARTTLS with a
 * self-signed certificate.
 */
final class FaultySmtpServer implements AutoCloseable {
  /** What the server does at the end of a message's DATA. */
  static final String DROP = "DROP";
  static final String SILENT = "SILENT";
  /** Keeps the message (it counts as accepted) and then closes the connection without a reply. */
  static final String KEEP_AND_DROP = "KEEP_AND_DROP";

  /** Ways of holding or flooding a client, for the deadline and reply-size bounds. */
  enum Misbehaviour {
    NONE,
    /** The greeting comes a byte a second, without end. */
    DRIP_GREETING,
    /** The reply to EHLO is a multi-line reply ("250-...") that never ends. */
    ENDLESS_EHLO,
    /** The reply to MAIL FROM is one line that never ends. */
    HUGE_LINE_AT_MAIL,
    /** After the final "." the message is kept and the reply comes a byte a second, without end. */
    DRIP_AFTER_DATA,
    /** After the final "." the message is kept and the reply is one line that never ends. */
    HUGE_LINE_AFTER_DATA
  }

  private volatile Misbehaviour misbehaviour = Misbehaviour.NONE;
  private final ServerSocket server;
  private final Thread acceptor;
  private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
  private final List<String> accepted = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger dataEnds = new AtomicInteger();
  private volatile IntFunction<String> dataEndReply = n -> "250 2.0.0 OK queued as " + n;
  private volatile Function<String, String> rcptReply = rcpt -> "250 2.1.5 OK";
  private volatile int dropMidDataOfMessage = -1;
  private volatile boolean closeAfterEachMessage;
  private volatile SSLContext startTls;
  private volatile boolean stopReadingAtData;
  private volatile java.util.function.IntPredicate dropAtDataCommand = n -> false;
  private volatile boolean offerAuth;
  private final AtomicInteger dataCommands = new AtomicInteger();
  private final List<String> transcript = Collections.synchronizedList(new ArrayList<>());

  FaultySmtpServer() throws IOException {
    server = new ServerSocket();
    server.setReceiveBufferSize(16 * 1024);
    server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    acceptor = new Thread(this::acceptLoop, "faulty-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** The reply after the final "." of message number n (1-based, counting every DATA received), or DROP / SILENT. */
  FaultySmtpServer onDataEnd(IntFunction<String> reply) {
    this.dataEndReply = reply;
    return this;
  }

  FaultySmtpServer onRcpt(Function<String, String> reply) {
    this.rcptReply = reply;
    return this;
  }

  /** Closes the connection half-way through the DATA of message number n. */
  FaultySmtpServer dropMidData(int n) {
    this.dropMidDataOfMessage = n;
    return this;
  }

  /** Closes each connection (without a word) right after accepting a message, as a server ending an idle session. */
  FaultySmtpServer closeAfterEachMessage() {
    this.closeAfterEachMessage = true;
    return this;
  }

  /** Answers 354 to DATA and then reads nothing more, as a stuck server: the client's writes block. */
  FaultySmtpServer stopReadingAtData() {
    this.stopReadingAtData = true;
    return this;
  }

  /** Closes the connection, without a word, on receiving DATA command number n (1-based) when the test says so. */
  FaultySmtpServer dropAtDataCommand(java.util.function.IntPredicate drop) {
    this.dropAtDataCommand = drop;
    return this;
  }

  /** Holds or floods the client as {@code how} says. */
  FaultySmtpServer misbehaving(Misbehaviour how) {
    this.misbehaviour = how;
    return this;
  }

  /** Advertises AUTH PLAIN LOGIN and accepts any login (what the client sends shows in the transcript). */
  FaultySmtpServer offeringAuth() {
    this.offerAuth = true;
    return this;
  }

  /** Offers STARTTLS with GreenMail's self-signed certificate. */
  FaultySmtpServer offeringStartTlsWithSelfSignedCertificate() throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = FaultySmtpServer.class.getClassLoader().getResourceAsStream("greenmail.p12")) {
      ks.load(in, "changeit".toCharArray());
    }
    return offeringStartTls(ks, "changeit".toCharArray());
  }

  /** Offers STARTTLS with the key and certificate in {@code keyStore}. */
  FaultySmtpServer offeringStartTls(KeyStore keyStore, char[] password) throws Exception {
    KeyStore ks = keyStore;
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, password);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    this.startTls = ctx;
    return this;
  }

  /** The messages accepted (answered 250 after DATA), as received. */
  List<String> accepted() {
    synchronized (accepted) {
      return List.copyOf(accepted);
    }
  }

  int connections() {
    return connections.get();
  }

  /** Every line the server read outside DATA, prefixed "plain: " or "tls: " by the connection it came on. */
  List<String> transcript() {
    synchronized (transcript) {
      return List.copyOf(transcript);
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        connections.incrementAndGet();
        sockets.add(s);
        Thread t = new Thread(() -> serve(s), "faulty-smtp-session");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (Socket s0 = socket) {
      Socket s = socket;
      InputStream in = new java.io.BufferedInputStream(s.getInputStream());
      OutputStream out = s.getOutputStream();
      if (misbehaviour == Misbehaviour.DRIP_GREETING) {
        drip(out, "220-faulty.test is slow\r\n");
        return;
      }
      reply(out, "220 faulty.test ESMTP ready");
      String line;
      while ((line = readLine(in)) != null) {
        transcript.add((s instanceof SSLSocket ? "tls: " : "plain: ") + line);
        String upper = line.toUpperCase(Locale.ROOT);
        if (upper.startsWith("EHLO") && misbehaviour == Misbehaviour.ENDLESS_EHLO) {
          flood(out, "", "250-faulty.test offers one more extension\r\n");
          return;
        } else if (upper.startsWith("MAIL FROM") && misbehaviour == Misbehaviour.HUGE_LINE_AT_MAIL) {
          flood(out, "250 ", "x".repeat(1024));
          return;
        } else if (upper.startsWith("EHLO")) {
          boolean tls = startTls != null && !(s instanceof SSLSocket);
          reply(out, "250-faulty.test\r\n250-8BITMIME\r\n" + (tls ? "250-STARTTLS\r\n" : "")
              + (offerAuth ? "250-AUTH PLAIN LOGIN\r\n" : "") + "250 SIZE 10000000");
        } else if (upper.startsWith("AUTH") && offerAuth) {
          String[] words = line.split(" ");
          if (words.length == 2 && words[1].equalsIgnoreCase("LOGIN")) {
            reply(out, "334 VXNlcm5hbWU6");
            transcript.add((s instanceof SSLSocket ? "tls: " : "plain: ") + readLine(in));
            reply(out, "334 UGFzc3dvcmQ6");
            transcript.add((s instanceof SSLSocket ? "tls: " : "plain: ") + readLine(in));
          } else if (words.length == 2) {
            reply(out, "334 ");
            transcript.add((s instanceof SSLSocket ? "tls: " : "plain: ") + readLine(in));
          }
          reply(out, "235 2.7.0 Authentication successful");
        } else if (upper.startsWith("HELO")) {
          reply(out, "250 faulty.test");
        } else if (upper.equals("STARTTLS") && startTls != null) {
          reply(out, "220 2.0.0 go ahead");
          SSLSocket tls = (SSLSocket) startTls.getSocketFactory().createSocket(s, "localhost", s.getPort(), true);
          tls.setUseClientMode(false);
          tls.startHandshake();
          s = tls;
          in = new java.io.BufferedInputStream(s.getInputStream());
          out = s.getOutputStream();
        } else if (upper.startsWith("MAIL FROM")) {
          reply(out, "250 2.1.0 OK");
        } else if (upper.startsWith("RCPT TO")) {
          String rcpt = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
          reply(out, rcptReply.apply(rcpt));
        } else if (upper.equals("DATA")) {
          if (dropAtDataCommand.test(dataCommands.incrementAndGet())) {
            return;
          }
          reply(out, "354 end with <CRLF>.<CRLF>");
          if (stopReadingAtData) {
            try {
              Thread.sleep(60_000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return;
          }
          int n = dataEnds.incrementAndGet();
          String message = readData(in, n == dropMidDataOfMessage);
          if (message == null) {
            return; // dropped mid-DATA
          }
          if (misbehaviour == Misbehaviour.DRIP_AFTER_DATA || misbehaviour == Misbehaviour.HUGE_LINE_AFTER_DATA) {
            accepted.add(message);
            if (misbehaviour == Misbehaviour.DRIP_AFTER_DATA) {
              drip(out, "250 2.0.0 OK queued\r\n");
            } else {
              flood(out, "250 ", "x".repeat(1024));
            }
            return;
          }
          String r = dataEndReply.apply(n);
          if (r.equals(DROP)) {
            return;
          }
          if (r.equals(KEEP_AND_DROP)) {
            accepted.add(message);
            return;
          }
          if (r.equals(SILENT)) {
            readLine(in); // wait until the client gives up
            return;
          }
          if (r.startsWith("250")) {
            accepted.add(message);
          }
          reply(out, r);
          if (r.startsWith("250") && closeAfterEachMessage) {
            return;
          }
        } else if (upper.equals("RSET") || upper.equals("NOOP")) {
          reply(out, "250 2.0.0 OK");
        } else if (upper.equals("QUIT")) {
          reply(out, "221 2.0.0 bye");
          return;
        } else {
          reply(out, "502 5.5.2 command not implemented");
        }
      }
    } catch (IOException | RuntimeException e) {
      // the client went away, or a TLS handshake failed: end this session
    }
  }

  /** Reads DATA up to the final "."; returns null when told to drop half-way. */
  private static String readData(InputStream in, boolean dropHalfWay) throws IOException {
    StringBuilder message = new StringBuilder();
    int lines = 0;
    String line;
    while ((line = readLine(in)) != null) {
      if (line.equals(".")) {
        return message.toString();
      }
      if (dropHalfWay && ++lines > 20) {
        return null;
      }
      message.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
    }
    return null;
  }

  /** Writes {@code text} over and over, a byte a second, until the client goes away. */
  private static void drip(OutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; ; i++) {
      out.write(bytes[i % bytes.length]);
      out.flush();
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Writes {@code prefix}, then {@code repeated} over and over as fast as the client reads, until it goes away. */
  private static void flood(OutputStream out, String prefix, String repeated) throws IOException {
    out.write(prefix.getBytes(StandardCharsets.US_ASCII));
    byte[] chunk = repeated.repeat(Math.max(1, 64 * 1024 / repeated.length())).getBytes(StandardCharsets.US_ASCII);
    while (true) {
      out.write(chunk);
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
    synchronized (sockets) {
      for (Socket s : sockets) {
        s.close();
      }
    }
  }
}
