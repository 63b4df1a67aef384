package org.demarche.examples.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** {@code demarche serve} running in-process (through {@link Cli#run}) on a free port, until closed. */
public final class Served implements AutoCloseable {
  private final Thread thread;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final AtomicInteger port = new AtomicInteger();
  private final AtomicReference<Cli.Result> result = new AtomicReference<>();

  private Served(String... args) throws InterruptedException {
    CountDownLatch ready = new CountDownLatch(1);
    ServeCommand.started = server -> {
      port.set(server.port());
      ready.countDown();
      try {
        stop.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    thread = new Thread(() -> {
      result.set(Cli.run(args));
      ready.countDown();
    }, "demarche-serve-test");
    thread.start();
    if (!ready.await(60, TimeUnit.SECONDS) || port.get() == 0) {
      throw new IllegalStateException("demarche serve did not start: " + result.get());
    }
  }

  /** Starts {@code demarche serve} with {@code args} (give {@code --port 0}). */
  public static Served start(String... args) throws InterruptedException {
    return new Served(args);
  }

  /** The page's address for {@code path}. */
  public String url(String path) {
    return "http://127.0.0.1:" + port.get() + path;
  }

  public int port() {
    return port.get();
  }

  @Override
  public void close() throws InterruptedException {
    stop.countDown();
    thread.join(10_000);
    ServeCommand.started = null;
  }
}
