package org.demarche.voice.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The supporters' page on the JDK's own HTTP server ({@code com.sun.net.httpserver}): no dependency, and a
 * dozen lines to adapt; an app with its own server mounts {@link VoicePage#handle} instead.
 *
 * <pre>{@code
 * try (VoiceWebServer server = VoiceWebServer.start(page, "127.0.0.1", 8080)) {
 *   server.await();
 * }
 * }</pre>
 */
public final class VoiceWebServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService pool;

  private VoiceWebServer(HttpServer server, ExecutorService pool) {
    this.server = server;
    this.pool = pool;
  }

  /**
   * Serves {@code page} on {@code host}:{@code port} (port 0: any free port) with {@code threads} workers.
   *
   * @throws IOException when the address cannot be bound
   */
  public static VoiceWebServer start(VoicePage page, String host, int port, int threads) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "demarche-web");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(pool);
    server.createContext("/", exchange -> serve(page, exchange));
    server.start();
    return new VoiceWebServer(server, pool);
  }

  /** {@link #start(VoicePage, String, int, int)} with as many workers as cores, at least 4. */
  public static VoiceWebServer start(VoicePage page, String host, int port) throws IOException {
    return start(page, host, port, Math.max(4, Runtime.getRuntime().availableProcessors()));
  }

  private static void serve(VoicePage page, HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = readBody(exchange.getRequestBody());
      String query = exchange.getRequestURI().getRawQuery();
      WebRequest request = new WebRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          query == null ? "" : query, exchange.getRequestHeaders(), body,
          exchange.getRemoteAddress().getAddress().getHostAddress());
      WebResponse response = page.handle(request);
      for (Map.Entry<String, List<String>> h : response.headers().entrySet()) {
        exchange.getResponseHeaders().put(h.getKey(), h.getValue());
      }
      byte[] out = request.method().equals("HEAD") ? new byte[0] : response.body();
      exchange.sendResponseHeaders(response.status(), out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        try (OutputStream o = exchange.getResponseBody()) {
          o.write(out);
        }
      }
    }
  }

  /** Reads at most one byte more than {@link VoicePage#MAX_BODY_BYTES}, so that the page can refuse a larger body. */
  private static byte[] readBody(InputStream in) throws IOException {
    byte[] b = in.readNBytes(VoicePage.MAX_BODY_BYTES + 1);
    return b;
  }

  /** The port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Blocks until the thread is interrupted (the runner's {@code serve} waits here for Ctrl-C). */
  public void await() throws InterruptedException {
    Thread.currentThread().join();
  }

  /** Stops taking requests, lets the running ones finish for up to a second. */
  @Override
  public void close() {
    server.stop(1);
    pool.shutdown();
    try {
      pool.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
