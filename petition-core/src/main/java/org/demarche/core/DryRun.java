package org.demarche.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.demarche.core.files.LocatedTree;
import org.demarche.core.files.ReadLimits;
import org.demarche.core.letters.LetterPlanner;
import org.demarche.core.model.Campaign;
import org.demarche.core.model.DemarcheException;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.Letter;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;
import org.demarche.core.signatories.CommittedSignatories;
import org.demarche.core.signatories.SaltKey;
import org.demarche.core.spi.LetterRenderer;

/**
 * {@link Demarche#check}'s dry run: every selected letter and attached translation planned and rendered
 * into memory, and each failure reported once, with the letters it affects, located where the text was
 * written when that can be found.
 */
final class DryRun {
  private static final Pattern CODE_POINT = Pattern.compile("U\\+([0-9A-F]{4,6})");
  private static final Pattern LETTER_PREFIX = Pattern.compile("^Letter \\S+: ");
  private static final int LETTERS_NAMED = 5;

  private final Campaign campaign;
  private final LetterRenderer renderer;

  DryRun(Campaign campaign, LetterRenderer renderer) {
    // The co-signatories' commitment, printed in the annex, would create the list's salts file; a dry run
    // writes nothing, so it commits with a key held in memory only: another hash of the same length, laid
    // out the same way.
    this.campaign = new Campaign(campaign.id(), campaign.sender(), campaign.petition(),
        CommittedSignatories.of(campaign.signatories(), SaltKey::generate), campaign.disclosureCap(),
        campaign.recipients(), campaign.delivery(), campaign.source(), campaign.schedule());
    this.renderer = renderer;
  }

  List<Problem> check(List<DiplomaticMission> missions) {
    LetterPlanner planner = new LetterPlanner(campaign);
    List<String> languages = new ArrayList<>();
    languages.add(campaign.delivery().sendLanguage());
    campaign.delivery().attachLanguages().stream().filter(l -> !languages.contains(l)).forEach(languages::add);
    // One problem per distinct failure, with the letters it stops: a missing glyph in the body stops them all.
    Map<String, List<String>> failures = new LinkedHashMap<>();
    for (DiplomaticMission mission : missions) {
      for (String language : languages) {
        String letterId = mission.id() + "." + language;
        try {
          Letter letter = planner.letter(mission, language);
          renderer.render(letter);
        } catch (DemarcheException | IllegalArgumentException e) {
          String message = LETTER_PREFIX.matcher(String.valueOf(e.getMessage())).replaceFirst("");
          failures.computeIfAbsent(message, k -> new ArrayList<>()).add(letterId);
        }
      }
    }
    List<Problem> problems = new ArrayList<>();
    failures.forEach((message, letters) -> problems.add(new Problem(locate(message), "",
        message + " (" + letters(letters) + ")")));
    return problems;
  }

  private static String letters(List<String> ids) {
    String named = String.join(", ", ids.subList(0, Math.min(LETTERS_NAMED, ids.size())));
    return (ids.size() == 1 ? "letter " : ids.size() + " letters: ") + named
        + (ids.size() > LETTERS_NAMED ? " and " + (ids.size() - LETTERS_NAMED) + " more" : "");
  }

  /**
   * Where the character a message names (U+XXXX) is first written among the campaign's own files; else
   * the renderer's section of the campaign (the fonts are what would fix it).
   */
  private Location locate(String message) {
    Matcher m = CODE_POINT.matcher(message);
    Location fallback = campaign.delivery().rendererOptions().sectionLocation();
    if (!m.find()) {
      return fallback;
    }
    String character = Character.toString(Integer.parseInt(m.group(1), 16));
    if (campaign.source().file().isEmpty()) {
      return fallback;    // read from a stream or built in code: no files to search
    }
    List<Path> files = new ArrayList<>();
    files.add(campaign.file());
    try (Stream<Path> list = Files.list(campaign.baseDir())) {
      list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)
              .matches(".*\\.(md|txt|csv|json|yaml|yml)"))
          .filter(p -> !p.toAbsolutePath().equals(campaign.file().toAbsolutePath()))
          .sorted().forEach(files::add);
    } catch (IOException e) {
      return fallback;
    }
    for (Path file : files) {
      Optional<Location> at = find(file, character);
      if (at.isPresent()) {
        return at.get();
      }
    }
    return fallback;
  }

  private Optional<Location> find(Path file, String character) {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > ReadLimits.MAX_FILE_BYTES) {
        return Optional.empty();
      }
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        int at = lines.get(i).indexOf(character);
        if (at >= 0) {
          String name = file.equals(campaign.file()) ? campaign.file().toString()
              : campaign.file().resolveSibling(file.getFileName()).toString();
          return Optional.of(new Location(name, i + 1, lines.get(i).codePointCount(0, at) + 1));
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not text we can search (not UTF-8): the fallback location will do.
    }
    return Optional.empty();
  }

  /** Where {@code id} is written in the campaign's {@code recipients.ids}, else the list itself. */
  static Location idLocation(Campaign campaign, String id) {
    String name = campaign.source().name();
    List<Problem> ignored = new ArrayList<>();
    Optional<LocatedTree> tree = campaign.source().file().isPresent() && Files.isRegularFile(campaign.file())
        ? LocatedTree.read(campaign.file(), name, ignored) : Optional.empty();
    if (tree.isEmpty()) {
      return new Location(name, 1, 1);
    }
    JsonNode ids = tree.get().root().path("recipients").path("ids");
    for (int i = 0; i < ids.size(); i++) {
      if (id.equals(ids.get(i).asText().strip())) {
        return tree.get().at("recipients.ids[" + i + "]");
      }
    }
    return tree.get().at("recipients.ids");
  }
}
