package org.demarche.deliver.email.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
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
  private static final ThreadLocal<Duration> WRITE_TIMEOUT = new ThreadLocal<>();
  private static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(60);
  private static final Set<WatchedSocket> OPEN = ConcurrentHashMap.newKeySet();
  private static volatile ScheduledExecutorService watchdog;

  /** Called by Jakarta Mail through reflection. */
  public static SocketFactory getDefault() {
    return INSTANCE;
  }

  /**
   * Runs {@code action} (a connect) so that the sockets it creates on this thread time out writes after
   * {@code timeout}.
   */
  public static <T, E extends Exception> T withWriteTimeout(Duration timeout, ThrowingSupplier<T, E> action)
      throws E {
    WRITE_TIMEOUT.set(timeout);
    try {
      return action.get();
    } finally {
      WRITE_TIMEOUT.remove();
    }
  }

  /** A supplier that may throw. */
  @FunctionalInterface
  public interface ThrowingSupplier<T, E extends Exception> {
    T get() throws E;
  }

  @Override
  public Socket createSocket() throws SocketException {
    Duration timeout = WRITE_TIMEOUT.get();
    WatchedSocket socket = new WatchedSocket((timeout == null ? DEFAULT_WRITE_TIMEOUT : timeout).toNanos());
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
      if (started != 0 && now - started > s.timeoutNanos) {
        s.timedOut = true;
        try {
          s.close();
        } catch (IOException | RuntimeException ignored) {
          // closing is all we can do; the blocked write fails either way
        }
      }
    }
  }

  /** A socket whose writes the watchdog can see. */
  static final class WatchedSocket extends Socket {
    final long timeoutNanos;
    volatile long writeStarted;
    volatile boolean timedOut;
    private OutputStream out;

    WatchedSocket(long timeoutNanos) {
      this.timeoutNanos = timeoutNanos;
    }

    @Override
    public void connect(java.net.SocketAddress endpoint, int timeout) throws IOException {
      super.connect(endpoint, timeout);
      watch(this);
    }

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
      if (out == null) {
        out = new FilterOutputStream(super.getOutputStream()) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            begin();
            try {
              this.out.write(b, off, len);
            } catch (IOException e) {
              throw timedOut ? new java.net.SocketTimeoutException("write timed out: the server stopped reading")
                  : e;
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
