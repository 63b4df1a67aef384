package org.demarche.deliver.email.internal;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.InputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;

/**
 * Plain sockets with TCP_NODELAY and a write timeout. Without TCP_NODELAY, a message's last segment waits
 * for the server's delayed ACK (Nagle's algorithm): about 45 ms a message, a ceiling of about 20 messages
 * a second. Jakarta Mail takes the factory by class name ({@code mail.smtp.socketFactory.class}) and calls
 * {@link #getDefault()}; TLS is layered over these sockets, so they serve every mode.
 *
 * <p>The write timeout: Jakarta Mail's own ({@code mail.smtp.writetimeout}) schedules a task on a timer
 * thread for every write, which cost about a fifth of the throughput in the benchmark. Here a write only
 * notes when it started; one watchdog thread looks twice a second for a write blocked longer than the
 * timeout (a server that stopped reading) and closes that socket, which ends the write with an error.
 */
public final class NoDelaySocketFactory extends SocketFactory {
  private static final NoDelaySocketFactory INSTANCE = new NoDelaySocketFactory();
  private static final ThreadLocal<Limits> LIMITS = new ThreadLocal<>();
  private static final Limits DEFAULT_LIMITS = new Limits(Duration.ofSeconds(60), Duration.ofMinutes(5), 64 * 1024);
  private static final Set<WatchedSocket> OPEN = ConcurrentHashMap.newKeySet();
  private static volatile ScheduledExecutorService watchdog;

  /** Called by Jakarta Mail through reflection. */
  public static SocketFactory getDefault() {
    return INSTANCE;
  }

  /**
   * Runs {@code action} (a connect) so that the sockets it creates on this thread keep to {@code limits}.
   */
  public static <T, E extends Exception> T withLimits(Limits limits, ThrowingSupplier<T, E> action) throws E {
    LIMITS.set(limits);
    try {
      return action.get();
    } finally {
      LIMITS.remove();
    }
  }

  /**
   * What one connection's sockets keep to: a write blocked longer than {@code writeTimeout} ends; an exchange
   * begun with {@link #begin()} ends at its deadline, however slowly the server drips its bytes; a reply (every
   * byte read between two writes of the client) longer than {@code maxReplyBytes} ends the connection, so that
   * an endless multi-line reply or a huge reply line cannot exhaust memory. Counted on the wire, so it holds
   * under TLS as well (a TLS handshake's certificates are a few KiB).
   */
  public static final class Limits {
    private final long writeTimeoutNanos;
    private final Duration deadline;
    private final int maxReplyBytes;
    private volatile long endsAt;
    private volatile boolean running;

    public Limits(Duration writeTimeout, Duration deadline, int maxReplyBytes) {
      this.writeTimeoutNanos = writeTimeout.toNanos();
      this.deadline = deadline;
      this.maxReplyBytes = maxReplyBytes;
    }

    /** Starts an exchange: from now on reads and writes end at the deadline. */
    public void begin() {
      endsAt = System.nanoTime() + deadline.toNanos();
      running = true;
    }

    /** Ends the exchange: no deadline until the next {@link #begin()}. */
    public void end() {
      running = false;
    }

    /** Nanoseconds left before the deadline; {@code Long.MAX_VALUE} outside an exchange. */
    long remainingNanos() {
      return running ? endsAt - System.nanoTime() : Long.MAX_VALUE;
    }

    SocketTimeoutException deadlinePassed() {
      return new DeadlineException("the exchange with the server took longer than its deadline of "
          + deadline.toSeconds() + " s (deadlineSeconds)");
    }
  }

  /** The deadline of an exchange passed (a server that answers too slowly, byte by byte). */
  public static final class DeadlineException extends SocketTimeoutException {
    private static final long serialVersionUID = 1L;

    DeadlineException(String message) {
      super(message);
    }
  }

  /** A reply longer than {@link Limits}' bound: the connection is given up. */
  public static final class ReplyTooLongException extends IOException {
    private static final long serialVersionUID = 1L;

    ReplyTooLongException(int max) {
      super("the server's reply was longer than " + (max / 1024) + " KiB (an endless or huge reply); the connection"
          + " was closed");
    }
  }

  /** A supplier that may throw. */
  @FunctionalInterface
  public interface ThrowingSupplier<T, E extends Exception> {
    T get() throws E;
  }

  @Override
  public Socket createSocket() throws SocketException {
    Limits limits = LIMITS.get();
    WatchedSocket socket = new WatchedSocket(limits == null ? DEFAULT_LIMITS : limits);
    socket.setTcpNoDelay(true);
    return socket;
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    Socket socket = createSocket();
    socket.connect(new InetSocketAddress(host, port));
    return socket;
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    Socket socket = createSocket();
    socket.bind(new InetSocketAddress(localHost, localPort));
    socket.connect(new InetSocketAddress(host, port));
    return socket;
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    Socket socket = createSocket();
    socket.connect(new InetSocketAddress(host, port));
    return socket;
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    Socket socket = createSocket();
    socket.bind(new InetSocketAddress(localAddress, localPort));
    socket.connect(new InetSocketAddress(address, port));
    return socket;
  }

  private static void watch(WatchedSocket socket) {
    if (watchdog == null) {
      synchronized (NoDelaySocketFactory.class) {
        if (watchdog == null) {
          ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demarche-smtp-write-watchdog");
            t.setDaemon(true);
            return t;
          });
          s.scheduleWithFixedDelay(NoDelaySocketFactory::closeStuckSockets, 500, 500, TimeUnit.MILLISECONDS);
          watchdog = s;
        }
      }
    }
    OPEN.add(socket);
  }

  private static void closeStuckSockets() {
    long now = System.nanoTime();
    for (WatchedSocket s : OPEN) {
      long started = s.writeStarted;
      if (started != 0 && (now - started > s.limits.writeTimeoutNanos || s.limits.remainingNanos() <= 0)) {
        s.timedOut = true;
        try {
          s.close();
        } catch (IOException | RuntimeException ignored) {
          // closing is all we can do; the blocked write fails either way
        }
      }
    }
  }

  /** A socket whose writes the watchdog can see, and whose reads keep to the deadline and the reply bound. */
  static final class WatchedSocket extends Socket {
    final Limits limits;
    volatile long writeStarted;
    volatile boolean timedOut;
    private OutputStream out;
    private InputStream in;
    /** Bytes read since the client last wrote: the size of the reply under way. */
    private volatile int replyBytes;
    /** The read timeout the SMTP client asked for (0 = none); each read waits at most this, and not past the deadline. */
    private volatile int readTimeoutMillis;

    WatchedSocket(Limits limits) {
      this.limits = limits;
    }

    @Override
    public void connect(java.net.SocketAddress endpoint, int timeout) throws IOException {
      super.connect(endpoint, timeout);
      watch(this);
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
      readTimeoutMillis = timeout;
      super.setSoTimeout(timeout);
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
      if (in == null) {
        in = new FilterInputStream(super.getInputStream()) {
          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            return bounded(this.in, b, off, len);
          }

          @Override
          public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
          }
        };
      }
      return in;
    }

    private int bounded(InputStream raw, byte[] b, int off, int len) throws IOException {
      long remaining = limits.remainingNanos();
      if (remaining <= 0) {
        throw limits.deadlinePassed();
      }
      long wait = remaining == Long.MAX_VALUE ? readTimeoutMillis
          : Math.max(1, Math.min(readTimeoutMillis == 0 ? Long.MAX_VALUE : readTimeoutMillis,
              (remaining + 999_999) / 1_000_000));
      super.setSoTimeout((int) Math.min(Integer.MAX_VALUE, wait));
      int n;
      try {
        n = raw.read(b, off, Math.min(len, limits.maxReplyBytes - replyBytes + 1));
      } catch (SocketTimeoutException e) {
        throw limits.remainingNanos() <= 0 ? limits.deadlinePassed() : e;
      }
      if (n > 0) {
        replyBytes += n;
        if (replyBytes > limits.maxReplyBytes) {
          close();
          throw new ReplyTooLongException(limits.maxReplyBytes);
        }
      }
      return n;
    }

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
      if (out == null) {
        out = new FilterOutputStream(super.getOutputStream()) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            begin();
            replyBytes = 0;
            try {
              this.out.write(b, off, len);
            } catch (IOException e) {
              throw timedOut ? (limits.remainingNanos() <= 0 ? limits.deadlinePassed()
                  : new SocketTimeoutException("write timed out: the server stopped reading")) : e;
            } finally {
              writeStarted = 0;
            }
          }

          @Override
          public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void flush() throws IOException {
            this.out.flush();
          }
        };
      }
      return out;
    }

    private void begin() {
      long now = System.nanoTime();
      writeStarted = now == 0 ? 1 : now;
    }

    @Override
    public synchronized void close() throws IOException {
      OPEN.remove(this);
      super.close();
    }
  }
}
