package org.demarche.voice.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.demarche.core.model.Envelope;
import org.demarche.core.model.Letter;
import org.demarche.core.model.MessageIds;
import org.demarche.core.model.RenderException;
import org.demarche.core.model.Rendition;
import org.demarche.core.spi.DeliveryChannel;
import org.demarche.voice.Supporter;
import org.demarche.voice.SupporterLetter;
import org.demarche.voice.VoiceSender;

/** What the page does: write a letter, show it and its files, mail a confirmation token, send after it. */
final class Actions {
  private final VoicePage page;

  Actions(VoicePage page) {
    this.page = page;
  }

  WebResponse write(Handlers.Call c) {
    String client = c.request().remoteAddress();
    if (!page.lettersPerClient.tryAcquire(client)) {
      return tooMany(c, page.lettersPerClient.retryAfterSeconds(client));
    }
    SupporterForm.Result read = SupporterForm.read(c.form(), page.known);
    if (read.supporter().isEmpty()) {
      return Handlers.html(400, page.views.form(c.texts(), c.csrf(page), c.form(), read.problems()));
    }
    SupporterLetter letter;
    try {
      letter = page.voices.draft(read.supporter().get());
    } catch (IllegalArgumentException e) {
      return Handlers.html(400, page.views.form(c.texts(), c.csrf(page), c.form(), List.of(e.getMessage())));
    }
    Rendition document;
    try {
      document = page.render(letter.letter());
    } catch (RenderException e) {
      // A character the letter's fonts cannot draw (an emoji in a name): the supporter can change it.
      return Handlers.html(400, page.views.form(c.texts(), c.csrf(page), c.form(), List.of(e.getMessage())));
    }
    String id = page.store.put(c.session(), letter, document);
    return Handlers.redirect("/letter/" + id + "?lang=" + c.texts().language());
  }

  WebResponse letter(Handlers.Call c, String id, Optional<String> file) {
    Optional<Store.Draft> found = page.store.draft(id, c.session());
    if (found.isEmpty()) {
      return new Handlers(page).notFound(c);
    }
    Store.Draft d = found.get();
    Letter l = d.letter().letter();
    boolean hasEml = page.drafts.isPresent() && l.mission().email().isPresent() && d.letter().routing().supporter()
        .email().isPresent();
    if (file.isEmpty()) {
      boolean canSend = page.sendsOnBehalf() && d.letter().routing().supporter().email().isPresent()
          && l.mission().email().isPresent();
      return Handlers.html(200, page.views.letter(c.texts(), c.csrf(page), id, d, page.preview != PagePreview.NONE, hasEml,
          canSend));
    }
    String name = file.get();
    if (name.equals("page1.png")) {
      return page.preview.firstPagePng(d.document()).map(png -> WebResponse.of(200, "image/png", png, Map.of()))
          .orElseGet(() -> new Handlers(page).notFound(c));
    }
    if (name.equals(l.id() + ".pdf")) {
      return download(d.document().mediaType(), d.document().content(), name);
    }
    if (name.equals(l.id() + ".eml") && hasEml) {
      return download("message/rfc822", eml(l, d.document()), name);
    }
    return new Handlers(page).notFound(c);
  }

  private static WebResponse download(String type, byte[] content, String name) {
    return WebResponse.of(200, type, content, Map.of("Content-Disposition", "attachment; filename=\"" + name + "\""));
  }

  /** The draft the outbox channel writes for {@code letter}, written into a private temporary folder and read back. */
  private byte[] eml(Letter letter, Rendition document) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("demarche-web"); // owner-only on POSIX
      try (DeliveryChannel channel = page.drafts.orElseThrow().open(dir)) {
        channel.deliver(new Envelope(letter, document, List.of(),
            MessageIds.of(letter.campaignId(), letter.id(), letter.sender().emailDomain())));
      }
      try (Stream<Path> files = Files.walk(dir)) {
        Path eml = files.filter(p -> p.getFileName().toString().endsWith(".eml")).findFirst()
            .orElseThrow(() -> new IllegalStateException("the outbox channel wrote no .eml"));
        return Files.readAllBytes(eml);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(dir);
    }
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A temporary folder left behind holds one letter the supporter downloaded; the OS cleans it up.
    }
  }

  WebResponse send(Handlers.Call c) {
    Optional<Store.Draft> found = page.store.draft(c.form().getOrEmpty("letter"), c.session());
    if (!page.sendsOnBehalf() || found.isEmpty()) {
      return new Handlers(page).notFound(c);
    }
    SupporterLetter sl = found.get().letter();
    String to = sl.routing().supporter().email().orElse("");
    String client = c.request().remoteAddress();
    if (to.isEmpty()) {
      return new Handlers(page).notFound(c);
    }
    if (!page.mailsPerClient.tryAcquire(client)) {
      return tooMany(c, page.mailsPerClient.retryAfterSeconds(client));
    }
    if (!page.mailsPerAddress.tryAcquire(Supporter.class.getSimpleName() + ":" + to.toLowerCase(java.util.Locale.ROOT))) {
      return tooMany(c, page.mailsPerAddress.retryAfterSeconds(Supporter.class.getSimpleName() + ":"
          + to.toLowerCase(java.util.Locale.ROOT)));
    }
    String token = page.store.newToken(c.form().getOrEmpty("letter"));
    String link = page.publicUrl + "/confirm?t=" + token + "&lang=" + c.texts().language();
    String mission = sl.letter().mission().name();
    page.onBehalf.orElseThrow().mailToken(to, c.texts().get("mail_subject"),
        c.texts().format("mail_text", Map.of("mission", mission, "link", link)));
    return Handlers.html(200, page.views.message(c.texts(), c.csrf(page), c.texts().get("check_mail"),
        c.texts().get("check_mail_text"), Optional.empty()));
  }

  /** The link in the mail only shows a form: a GET (a mail scanner following links) sends nothing. */
  WebResponse confirmPage(Handlers.Call c) {
    String token = c.query().getOrEmpty("t");
    Optional<Store.Draft> d = page.store.token(token, false).flatMap(page.store::draftById);
    if (d.isEmpty()) {
      return expired(c);
    }
    String mission = d.get().letter().letter().mission().name();
    return Handlers.html(200, page.views.message(c.texts(), c.csrf(page), c.texts().get("confirm_title"),
        c.texts().format("confirm_text", Map.of("mission", mission)), Optional.of(token)));
  }

  WebResponse confirm(Handlers.Call c) {
    Optional<Store.Draft> d = page.store.token(c.form().getOrEmpty("t"), true).flatMap(page.store::draftById);
    if (d.isEmpty() || !page.sendsOnBehalf()) {
      return expired(c);
    }
    SupporterLetter sl = d.get().letter();
    String mission = sl.letter().mission().name();
    // VoiceSender counts the day's letters among the supporters it is given; the page gives one at a time, so it
    // counts what it sent itself today too (since it started: a restart forgets, the journal does not say the mission).
    String key = sl.letter().mission().id() + "|" + java.time.LocalDate.now(page.clock.withZone(page.voices.options().zone()));
    if (page.sentToday.getOrDefault(key, 0) >= page.voices.options().dailyCapPerMission()) {
      return held(c);
    }
    VoiceSender.Report report = page.onBehalf.orElseThrow().send(sl.routing().supporter());
    if (report.run().count(org.demarche.core.RunReport.Result.SENT) > 0) {
      page.sentToday.merge(key, 1, Integer::sum);
    }
    if (!report.waiting().isEmpty()) {
      return Handlers.html(200, page.views.message(c.texts(), c.csrf(page), c.texts().get("held_title"),
          c.texts().format("held_text", Map.of("cap", String.valueOf(page.voices.options().dailyCapPerMission()))),
          Optional.empty()));
    }
    if (!report.run().allDone()) {
      return Handlers.html(503, page.views.message(c.texts(), c.csrf(page), c.texts().get("error_title"),
          c.texts().get("send_failed"), Optional.empty()));
    }
    return Handlers.html(200, page.views.message(c.texts(), c.csrf(page), c.texts().get("sent_title"),
        c.texts().format("sent_text", Map.of("mission", mission)), Optional.empty()));
  }

  private WebResponse held(Handlers.Call c) {
    return Handlers.html(200, page.views.message(c.texts(), c.csrf(page), c.texts().get("held_title"),
        c.texts().format("held_text", Map.of("cap", String.valueOf(page.voices.options().dailyCapPerMission()))),
        Optional.empty()));
  }

  private WebResponse expired(Handlers.Call c) {
    return Handlers.html(410, page.views.message(c.texts(), c.csrf(page), c.texts().get("error_title"),
        c.texts().get("expired"), Optional.empty()));
  }

  private WebResponse tooMany(Handlers.Call c, long seconds) {
    WebResponse w = Handlers.html(429, page.views.message(c.texts(), c.csrf(page), c.texts().get("error_title"),
        c.texts().format("too_many", Map.of("seconds", String.valueOf(seconds))), Optional.empty()));
    Map<String, List<String>> h = new java.util.HashMap<>(w.headers());
    h.put("Retry-After", List.of(String.valueOf(seconds)));
    return new WebResponse(429, h, w.body());
  }
}
