package org.demarche.voice.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.demarche.core.model.Rendition;
import org.demarche.core.spi.ContactDirectory;
import org.demarche.core.spi.LetterRenderer;
import org.demarche.voice.KnownRegions;
import org.demarche.voice.VoiceOptions;
import org.demarche.voice.VoiceOutbox;
import org.demarche.voice.Voices;

/**
 * The supporters' page of one campaign ("add your voice" on the web), as a handler from {@link WebRequest} to
 * {@link WebResponse} that any server can mount: {@link VoiceWebServer} on the JDK's server, or an app's own.
 *
 * <pre>{@code
 * VoicePage page = VoicePage.builder(voices, directory, demarche.renderer(campaign))
 *     .drafts(folder -> demarche.channel("outbox", new ChannelContext(Settings.empty("delivery.outbox"), folder, Map.of())))
 *     .build();
 * try (VoiceWebServer server = VoiceWebServer.start(page, "127.0.0.1", 8080)) { ... }
 * }</pre>
 *
 * <p>The page: where do you live, which mission serves you and why, the letter with the supporter's own
 * paragraph previewed as an image, and its PDF, {@code .eml} draft and {@code mailto:} link; in on-behalf
 * campaigns, "send it for me" after the supporter confirmed their address through a single-use token (a POSTed
 * form). Plain server-rendered forms, better with the page's own script; English and Japanese. Every POST
 * carries a CSRF token bound to the browser's session cookie; letters and token mails are rate-limited per
 * client address and per supporter address; every response carries a Content-Security-Policy without inline
 * scripts and {@code frame-ancestors 'none'}. Nothing personal is logged.
 */
public final class VoicePage {
  /** The largest request body read (a supporter form is a few kilobytes). */
  public static final int MAX_BODY_BYTES = 64 * 1024;
  static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
      + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  final Voices voices;
  final LetterRenderer renderer;
  final Optional<VoiceOutbox.ChannelOpener> drafts;
  final PagePreview preview;
  final Optional<OnBehalf> onBehalf;
  final String publicUrl;
  final Csrf csrf = new Csrf();
  final Clock clock;
  /** Letters this page sent per mission and day ({@code mission-id|date}), for the daily cap. */
  final Map<String, Integer> sentToday = new java.util.concurrent.ConcurrentHashMap<>();
  final Store store;
  final Views views;
  final Templates templates;
  final KnownRegions known;
  final RateLimit lettersPerClient;
  final RateLimit mailsPerClient;
  final RateLimit mailsPerAddress;
  private final Handlers handlers;

  private VoicePage(Builder b) {
    this.voices = b.voices;
    this.renderer = b.renderer;
    this.drafts = b.drafts;
    this.preview = b.preview;
    this.onBehalf = b.onBehalf;
    this.publicUrl = b.publicUrl.replaceAll("/+$", "");
    this.clock = b.clock;
    this.store = new Store(b.clock, b.maxLetters);
    this.templates = new Templates(b.templates);
    this.views = new Views(b.voices, b.directory, templates);
    this.known = KnownRegions.of(b.directory);
    this.lettersPerClient = new RateLimit(b.lettersPerClientPerMinute, Duration.ofMinutes(1), b.clock, 100_000);
    this.mailsPerClient = new RateLimit(b.mailsPerClientPerHour, Duration.ofHours(1), b.clock, 100_000);
    this.mailsPerAddress = new RateLimit(b.mailsPerAddressPerHour, Duration.ofHours(1), b.clock, 100_000);
    this.handlers = new Handlers(this);
  }

  /** A page for {@code voices}' campaign, routing with {@code directory} and rendering with {@code renderer}. */
  public static Builder builder(Voices voices, ContactDirectory directory, LetterRenderer renderer) {
    return new Builder(voices, directory, renderer);
  }

  /** Answers one request; never throws for anything a client sends. */
  public WebResponse handle(WebRequest request) {
    return handlers.handle(request);
  }

  /** Whether this page sends letters for supporters (the campaign is on-behalf and a sender was given). */
  public boolean sendsOnBehalf() {
    return onBehalf.isPresent() && voices.options().mode() == VoiceOptions.Mode.ON_BEHALF;
  }

  /** The headers every answer carries. */
  static Map<String, String> securityHeaders() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Security-Policy", CSP);
    h.put("X-Content-Type-Options", "nosniff");
    h.put("X-Frame-Options", "DENY");
    h.put("Referrer-Policy", "no-referrer");
    h.put("Cross-Origin-Opener-Policy", "same-origin");
    h.put("Cross-Origin-Resource-Policy", "same-origin");
    h.put("Permissions-Policy", "geolocation=(self), camera=(), microphone=()");
    return h;
  }

  byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  Rendition render(org.demarche.core.model.Letter letter) {
    return renderer.render(letter);
  }

  /** How a page is put together; every part has a default but the three the builder starts from. */
  public static final class Builder {
    private final Voices voices;
    private final ContactDirectory directory;
    private final LetterRenderer renderer;
    private Optional<VoiceOutbox.ChannelOpener> drafts = Optional.empty();
    private PagePreview preview = PagePreview.NONE;
    private Optional<OnBehalf> onBehalf = Optional.empty();
    private Optional<java.nio.file.Path> templates = Optional.empty();
    private String publicUrl = "http://127.0.0.1:8080";
    private Clock clock = Clock.systemUTC();
    private int maxLetters = 10_000;
    private int lettersPerClientPerMinute = 20;
    private int mailsPerClientPerHour = 10;
    private int mailsPerAddressPerHour = 3;

    private Builder(Voices voices, ContactDirectory directory, LetterRenderer renderer) {
      this.voices = Objects.requireNonNull(voices, "voices");
      this.directory = Objects.requireNonNull(directory, "directory");
      this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    /** Opens the file-writing channel (deliver-email's outbox) whose {@code .eml} draft supporters download. */
    public Builder drafts(VoiceOutbox.ChannelOpener opener) {
      this.drafts = Optional.of(opener);
      return this;
    }

    /** Draws page 1 of each letter for the supporter to look at (default: no image). */
    public Builder preview(PagePreview p) {
      this.preview = Objects.requireNonNull(p, "preview");
      return this;
    }

    /** Sends letters for supporters in an on-behalf campaign (without it, "send it for me" is not offered). */
    public Builder onBehalf(OnBehalf o) {
      this.onBehalf = Optional.of(o);
      return this;
    }

    /** A folder with the NGO's own copies of the page's templates, words or style (each file optional). */
    public Builder templates(java.nio.file.Path folder) {
      this.templates = Optional.of(folder);
      return this;
    }

    /** The address supporters reach the page at, for the links in confirmation mails (never the Host header). */
    public Builder publicUrl(String url) {
      if (!url.matches("https?://[A-Za-z0-9.\\-\\[\\]:]+(/[A-Za-z0-9._~/\\-]*)?")) {
        throw new IllegalArgumentException("the public URL must be http(s)://host[:port][/path], not " + url);
      }
      this.publicUrl = url;
      return this;
    }

    /** The clock of rate limits and letter lifetimes (tests move it). */
    public Builder clock(Clock c) {
      this.clock = Objects.requireNonNull(c, "clock");
      return this;
    }

    /**
     * Rate limits: letters written per client address per minute (default 20), token mails per client address
     * per hour (10) and per supporter address per hour (3).
     */
    public Builder limits(int lettersPerMinute, int mailsPerClientHour, int mailsPerAddressHour) {
      this.lettersPerClientPerMinute = positive(lettersPerMinute, "letters per minute");
      this.mailsPerClientPerHour = positive(mailsPerClientHour, "mails per client and hour");
      this.mailsPerAddressPerHour = positive(mailsPerAddressHour, "mails per address and hour");
      return this;
    }

    private static int positive(int n, String what) {
      if (n < 1) {
        throw new IllegalArgumentException(what + " must be 1 or more, not " + n);
      }
      return n;
    }

    /** The page. */
    public VoicePage build() {
      return new VoicePage(this);
    }
  }

  @Override
  public String toString() {
    return "VoicePage[" + voices.campaign().id() + ", " + List.of(Texts.LANGUAGES) + "]";
  }
}
