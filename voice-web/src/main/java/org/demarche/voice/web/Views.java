package org.demarche.voice.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.demarche.core.model.Countries;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.ServingMission;
import org.demarche.voice.Routing;
import org.demarche.voice.SupporterLetter;
import org.demarche.voice.Voices;

/** Fills the page's templates: what each page shows, in the supporter's language. */
final class Views {
  private final Voices voices;
  private final Templates templates;
  private final List<String> countries;
  private final List<String> regions;

  Views(Voices voices, org.demarche.core.spi.ContactDirectory directory, Templates templates) {
    this.voices = voices;
    this.templates = templates;
    TreeSet<String> c = new TreeSet<>();
    TreeSet<String> r = new TreeSet<>();
    for (DiplomaticMission m : directory.missions()) {
      if (m.sendingState().equals(voices.sendingState())) {
        c.add(m.hostCountry());
        c.addAll(m.jurisdictionCountries());
        r.addAll(m.jurisdiction());
      }
    }
    this.countries = List.copyOf(c);
    this.regions = List.copyOf(r);
  }

  /** The parts every page has: language, its words, the switch to the other language, the CSRF token. */
  Map<String, Object> base(Texts t, String csrf, String path) {
    Map<String, Object> m = new HashMap<>();
    m.put("lang", t.language());
    m.put("t", t.all());
    String other = t.language().equals("ja") ? "en" : "ja";
    m.put("switchLang", other);
    m.put("switchHref", path + "?lang=" + other);
    m.put("csrf", csrf);
    String subject = voices.campaign().petition().subject();
    m.put("campaignTitle", subject.contains("{{") ? voices.campaign().sender().name() : subject);
    m.put("senderName", voices.campaign().sender().name());
    return m;
  }

  byte[] form(Texts t, String csrf, Form values, List<String> errors) {
    Map<String, Object> m = base(t, csrf, "/");
    String country = values.get("country").orElse(countries.contains("JP") ? "JP" : countries.get(0));
    List<Map<String, Object>> cs = new ArrayList<>();
    for (String c : countries) {
      cs.add(Map.of("code", c, "name", Countries.englishName(c), "selected", c.equals(country)));
    }
    String region = values.get("region").orElse("");
    List<Map<String, Object>> rs = new ArrayList<>();
    for (String r : regions) {
      rs.add(Map.of("code", r, "name", t.region(r), "selected", r.equals(region)));
    }
    m.put("countries", cs);
    m.put("regions", rs);
    for (String f : new String[] {"name", "email", "city", "paragraph", "lat", "lon"}) {
      m.put(f, values.getOrEmpty(f));
    }
    m.put("hasErrors", !errors.isEmpty());
    m.put("errors", errors);
    return html("form", m);
  }

  byte[] letter(Texts t, String csrf, String id, Store.Draft d, boolean hasPreview, boolean hasEml, boolean canSend) {
    SupporterLetter sl = d.letter();
    DiplomaticMission mission = sl.letter().mission();
    Map<String, Object> m = base(t, csrf, "/letter/" + id);
    m.put("id", id);
    m.put("missionName", mission.name());
    m.put("missionLocalName", mission.localName().orElse(""));
    m.put("hostLang", mission.hostCountry().equals("JP") ? "ja" : "und");
    m.put("why", why(t, sl.routing()));
    m.put("byPost", !sl.byEmail());
    m.put("byEmail", sl.byEmail());
    m.put("missionEmail", mission.email().orElse(""));
    List<String> lines = new ArrayList<>(mission.address().printedLines());
    lines.addAll(mission.address().localLines());
    m.put("addressLines", lines);
    m.put("notes", voices.paragraphShortfall(sl.routing().supporter()).map(s -> List.of(
        (t.language().equals("ja") ? "注: " : "Note: your letter ") + s)).orElse(List.of()));
    m.put("hasPreview", hasPreview);
    m.put("previewAlt", t.format("preview_alt", Map.of("mission", mission.name())));
    m.put("pdfName", sl.letter().id() + ".pdf");
    m.put("hasEml", hasEml);
    m.put("emlName", sl.letter().id() + ".eml");
    m.put("mailto", sl.mailto().map(x -> (Object) x.link()).orElse(false));
    m.put("mailtoShort", sl.mailto().map(x -> x.shortened()).orElse(false));
    m.put("canSend", canSend);
    return html("letter", m);
  }

  /** A page with a heading and a sentence, and a confirmation form when {@code confirmToken} is given. */
  byte[] message(Texts t, String csrf, String heading, String message, Optional<String> confirmToken) {
    Map<String, Object> m = base(t, csrf, "/");
    m.put("heading", heading);
    m.put("message", message);
    m.put("confirmToken", confirmToken.map(x -> (Object) x).orElse(false));
    return html("message", m);
  }

  /** Why this mission, in the supporter's language (the routing's own sentence in English). */
  static String why(Texts t, Routing r) {
    if (t.language().equals("en")) {
      return r.explanation();
    }
    ServingMission s = r.serving();
    String country = Countries.englishName(r.place().country());
    return switch (s.rule()) {
      case JURISDICTION -> t.format("why_jurisdiction", Map.of("region", t.region(s.region().orElse(r.place().country()))));
      case DISTANCE -> t.format("why_distance", Map.of("km", s.distanceKm().map(d -> String.format(Locale.ROOT, "%.0f", d))
          .orElse("?")));
      case EMBASSY_OF_COUNTRY -> t.format("why_embassy", Map.of("country", country));
    };
  }

  private byte[] html(String template, Map<String, Object> context) {
    return templates.render(template, new LinkedHashMap<>(context)).getBytes(StandardCharsets.UTF_8);
  }
}
