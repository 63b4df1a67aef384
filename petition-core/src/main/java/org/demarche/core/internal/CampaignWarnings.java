package org.demarche.core.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.demarche.core.files.LocatedTree;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.LetterData;
import org.demarche.core.model.Location;
import org.demarche.core.model.Petition;
import org.demarche.core.model.Problem;

/**
 * What a valid campaign probably did not mean: a sender without a street address while letters go by
 * post (the envelopes need a return address), a template that prints a value twice because one
 * placeholder already holds the next one's value ({@code {{mission.name}} in {{mission.city}}} when the
 * name is "Consulate-General of the PRC in Osaka"), and a campaign date that has passed. None of them
 * stops a run.
 */
public final class CampaignWarnings {
  /** Two placeholders with at most a few words between them, on one line. */
  private static final Pattern PAIR = Pattern.compile("\\{\\{\\s*([\\w.]+)\\s*}}([^{}\\n]{0,12})\\{\\{\\s*([\\w.]+)\\s*}}");

  private final Campaign campaign;
  private final Optional<LocatedTree> tree;
  private final List<Problem> out = new ArrayList<>();

  private CampaignWarnings(Campaign campaign) {
    this.campaign = campaign;
    // Only to say where: a file that no longer reads gives locations at its first line.
    this.tree = campaign.source().file().flatMap(f -> LocatedTree.read(f, f.toString(), new ArrayList<>()));
  }

  /** The warnings for {@code campaign} whose letters go to {@code missions}, on {@code today}. */
  public static List<Problem> of(Campaign campaign, List<DiplomaticMission> missions, LocalDate today) {
    CampaignWarnings w = new CampaignWarnings(campaign);
    w.returnAddress(missions);
    w.repeats(missions);
    w.date(today);
    w.out.addAll(ScheduleWarnings.of(campaign, missions, today, w::at));
    return List.copyOf(w.out);
  }

  private Location at(String path) {
    return tree.map(t -> t.at(path)).orElse(new Location(campaign.source().name(), 1, 1));
  }

  private void returnAddress(List<DiplomaticMission> missions) {
    long byPost = missions.stream().filter(m -> m.email().isEmpty()).count();
    if (byPost > 0 && !campaign.sender().address().isPostable()) {
      String path = tree.isPresent() && tree.get().root().path("sender").path("address").has("lines")
          ? "sender.address.lines" : "sender.address";
      out.add(new Problem(at(path), path, byPost + (byPost == 1 ? " letter goes" : " letters go")
          + " by post, but the sender's address has no street lines: the letterhead and the envelopes' return"
          + " address would show only the city and country; add lines: [\"street and number\", ...]"));
    }
  }

  private void date(LocalDate today) {
    LocalDate date = campaign.petition().date();
    if (date.isBefore(today)) {
      out.add(new Problem(at("date"), "date", "the campaign date " + date + " has passed (today is " + today
          + "): the letters will carry it; set the date they are sent"));
    }
  }

  private void repeats(List<DiplomaticMission> missions) {
    Petition p = campaign.petition();
    Map<String, String> templates = new LinkedHashMap<>();
    templates.put("petition.subject", p.subject());
    templates.put("petition.addressee.salutation", p.addressee().salutation());
    templates.put("petition.body", p.body());
    p.translations().forEach((tag, t) -> {
      templates.put("petition.translations." + tag + ".subject", t.subject());
      templates.put("petition.translations." + tag + ".body", t.body());
    });
    templates.forEach((path, text) -> {
      Matcher m = PAIR.matcher(text);
      while (m.find()) {
        repeat(path, m.group(), m.group(1), m.group(3), missions);
      }
    });
  }

  /** One warning per pair: the first mission whose {@code first} value already holds its {@code second} value. */
  private void repeat(String path, String written, String first, String second, List<DiplomaticMission> missions) {
    for (DiplomaticMission mission : missions) {
      Map<String, Object> data = LetterData.of(campaign, mission, campaign.petition().signedBy(),
          campaign.petition().language(), campaign.signatories().count());
      String a = value(data, first);
      String b = value(data, second);
      if (!b.isBlank() && a.toLowerCase(Locale.ROOT).contains(b.toLowerCase(Locale.ROOT))) {
        String shown = written.replace(placeholderIn(written, first), a).replace(placeholderIn(written, second), b);
        out.add(new Problem(at(path), path, "'" + written + "' prints '" + shown + "' for "
            + mission.id() + ": {{" + first + "}} already holds '" + b + "'; write {{" + first + "}} alone"));
        return;
      }
    }
  }

  private static String placeholderIn(String written, String name) {
    Matcher m = Pattern.compile("\\{\\{\\s*" + Pattern.quote(name) + "\\s*}}").matcher(written);
    return m.find() ? m.group() : "{{" + name + "}}";
  }

  @SuppressWarnings("unchecked")
  private static String value(Map<String, Object> data, String name) {
    Object v = data;
    for (String part : name.split("\\.")) {
      if (!(v instanceof Map<?, ?> map)) {
        return "";
      }
      v = ((Map<String, Object>) map).get(part);
    }
    return v == null ? "" : v.toString();
  }
}
