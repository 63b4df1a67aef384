package org.demarche.examples.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for the supporters' page tests: Debian's {@code chromium} and {@code chromium-driver}
 * (installed by {@code .ci/install-chromium}), started with a fresh profile and every background network
 * feature off. When they are missing the tests FAIL, unless {@code -Ddemarche.skipBrowserTests=true} says to
 * skip them: then each prints that it was skipped and why.
 */
final class Chromium {
  static final String SKIP = "demarche.skipBrowserTests";
  static final Path BROWSER = Path.of(System.getProperty("demarche.chromium", "/usr/bin/chromium"));
  static final Path DRIVER = Path.of(System.getProperty("demarche.chromedriver", "/usr/bin/chromedriver"));
  static final Path SHOTS = Path.of("target/screenshots");

  private Chromium() {}

  /** Fails (or, with the skip property, skips loudly) when Chromium or its driver is missing. */
  static void require() {
    if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
      return;
    }
    String why = "headless Chromium is missing (" + BROWSER + ", " + DRIVER + "): run .ci/install-chromium"
        + " (apt-get install chromium chromium-driver)";
    if (Boolean.getBoolean(SKIP)) {
      System.out.println("SKIPPED browser test: " + why + "; skipped because -D" + SKIP + "=true");
      Assumptions.abort(why + " (-D" + SKIP + "=true)");
    }
    throw new AssertionError(why + ", or pass -D" + SKIP + "=true to skip the browser tests");
  }

  /** A new browser, JavaScript on or off, asking for pages in {@code language}, downloading into {@code downloads}. */
  static ChromeDriver open(boolean javascript, String language, Path profile, Path downloads) {
    require();
    ChromeOptions o = new ChromeOptions();
    o.setBinary(BROWSER.toFile());
    o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1000,1400",
        "--lang=" + language);
    o.setExperimentalOption("prefs", Map.of(
        "intl.accept_languages", language,
        "download.default_directory", downloads.toAbsolutePath().toString(),
        "download.prompt_for_download", false,
        "profile.managed_default_content_settings.javascript", javascript ? 1 : 2));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    ChromeDriver d = new ChromeDriver(service, o);
    d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    // A click that submits a form may return before the next page is there (seen under load): look for up to 15 s.
    d.manage().timeouts().implicitlyWait(Duration.ofSeconds(15));
    return d;
  }

  /** Whether the page shows no element {@code by}, asked without the implicit wait. */
  static boolean absent(ChromeDriver d, By by) {
    d.manage().timeouts().implicitlyWait(Duration.ZERO);
    try {
      return d.findElements(by).isEmpty();
    } finally {
      d.manage().timeouts().implicitlyWait(Duration.ofSeconds(15));
    }
  }

  /**
   * Clicks what submits a form or follows a link and returns once the next page has replaced this one: a click
   * can return before the browser has left the page, and an element found then belongs to the old page.
   */
  static void clickThrough(ChromeDriver d, By control) {
    WebElement before = d.findElement(By.tagName("html"));
    d.findElement(control).click();
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!replacedAndLoaded(d, before)) {
      if (System.nanoTime() > end) {
        throw new AssertionError("no new page within 30 s of clicking " + control);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for the page after " + control, e);
      }
    }
  }

  private static boolean replacedAndLoaded(ChromeDriver d, WebElement before) {
    try {
      before.getTagName();
      return false;
    } catch (StaleElementReferenceException gone) {
      try {
        return "complete".equals(d.executeScript("return document.readyState"));
      } catch (WebDriverException navigating) {
        return false;
      }
    }
  }

  /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
  static Path screenshot(ChromeDriver d, String name) {
    try {
      Files.createDirectories(SHOTS);
      Path file = SHOTS.resolve(name + ".png");
      Files.write(file, d.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits up to 20 s for a finished download whose name ends with {@code suffix}. */
  static Path awaitDownload(Path folder, String suffix) throws InterruptedException, IOException {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < end) {
      try (var s = Files.list(folder)) {
        List<Path> done = s.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
        if (!done.isEmpty()) {
          return done.get(0);
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no *" + suffix + " was downloaded into " + folder);
  }
}
