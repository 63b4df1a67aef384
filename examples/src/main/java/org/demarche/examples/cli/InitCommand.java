package org.demarche.examples.cli;

import java.io.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.Values;
import org.demarche.core.spi.MissionQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code demarche init [DIR]}: writes a campaign folder that validates at once. What is not given as a flag
 * is asked for when a terminal is attached; a script gives every required flag or is told which are missing.
 * Every value is checked by the model's own rules before a file is written, and no existing file is replaced.
 */
@Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Write a new campaign folder that validates at once; it never replaces an existing file.",
        "campaign.yaml (a comment on every field, the missions selected, and the schema your editor reads), a letter",
        "body to edit, and an empty signatories CSV with its header. Asks for what the flags do not give when run in a",
        "terminal."})
final class InitCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "DIR", defaultValue = ".", arity = "0..1", description = "the campaign folder (default: here)")
  Path dir;

  @Option(names = "--name", paramLabel = "NAME", description = "the NGO's full name (required)")
  String name;
  @Option(names = "--short-name", paramLabel = "NAME", description = "a short name (default: the name)")
  String shortName;
  @Option(names = "--street", paramLabel = "LINE", description = "a street line of the NGO's address (repeat for more;"
      + " required: letters that go by post carry it as the return address)")
  List<String> street = new ArrayList<>();
  @Option(names = "--city", paramLabel = "CITY", description = "the NGO's city (required)")
  String city;
  @Option(names = "--postal-code", paramLabel = "CODE", description = "the NGO's postal code")
  String postalCode;
  @Option(names = "--country", paramLabel = "CC", description = "the NGO's country, ISO 3166-1 alpha-2 (required)")
  String country;
  @Option(names = "--email", paramLabel = "ADDRESS", description = "the NGO's email, where replies go (required)")
  String email;
  @Option(names = "--sending-state", paramLabel = "CC", description = "the state petitioned, e.g. CN (required)")
  String sendingState;
  @Option(names = "--host-country", paramLabel = "CC", description = "where its missions are, e.g. JP (required)")
  String hostCountry;
  @Option(names = "--language", paramLabel = "TAG", description = "the letter's language, BCP 47 (required), e.g. en")
  String language;
  @Option(names = "--addressee-name", paramLabel = "NAME", description = "whom the letter is addressed to (required)")
  String addresseeName;
  @Option(names = "--addressee-title", paramLabel = "TITLE", description = "the addressee's title (required)")
  String addresseeTitle;
  @Option(names = "--salutation", paramLabel = "TEXT", description = "the greeting (default: Excellency,)")
  String salutation;
  @Option(names = "--signer", paramLabel = "NAME", description = "who signs the letter (required)")
  String signer;
  @Option(names = "--signer-title", paramLabel = "TITLE", description = "the signer's title")
  String signerTitle;
  @Option(names = "--id", paramLabel = "ID", description = "the campaign id (default: from the folder's name)")
  String id;
  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "the letters' date (default: today)")
  String date;

  @Override
  public Integer call() throws Exception {
    askForMissing(System.console());
    List<String> missing = missing();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("init needs " + String.join(", ", missing)
          + " (or run it in a terminal to be asked); demarche init --help describes each");
    }
    CampaignDraft draft = draft();
    List<DiplomaticMission> missions = Engine.demarche().directory(List.of("bundled"), Path.of("").toAbsolutePath())
        .find(MissionQuery.all().sendingState(draft.sendingState()).hostCountry(draft.hostCountry()));
    if (missions.isEmpty()) {
      throw new IllegalArgumentException("the bundled directory has no mission of " + draft.sendingState() + " in "
          + draft.hostCountry() + ": demarche recipients --sending-state " + draft.sendingState() + " lists where it has some");
    }
    Path folder = dir.toAbsolutePath().normalize();
    Files.createDirectories(folder);
    List<Path> written = draft.writeInto(folder, missions);
    var out = spec.commandLine().getOut();
    out.println("wrote a campaign to " + dir + " for " + Formats.count(missions.size(), "mission") + ":");
    written.forEach(p -> out.println("  " + p.getFileName()));
    out.println("next: edit " + draft.bodyFile() + ", then: demarche validate " + dir.resolve("campaign.yaml"));
    return DemarcheCli.DONE;
  }

  private List<String> missing() {
    List<String> m = new ArrayList<>();
    String[][] required = {{"--name", name}, {"--street", street.isEmpty() ? null : "given"}, {"--city", city}, {"--country", country}, {"--email", email},
        {"--sending-state", sendingState}, {"--host-country", hostCountry}, {"--language", language},
        {"--addressee-name", addresseeName}, {"--addressee-title", addresseeTitle}, {"--signer", signer}};
    for (String[] r : required) {
      if (r[1] == null || r[1].isBlank()) {
        m.add(r[0]);
      }
    }
    return m;
  }

  /** Asks, in a terminal, for each required value no flag gave. */
  private void askForMissing(Console console) {
    if (console == null) {
      return;
    }
    name = ask(console, name, "The NGO's full name");
    if (street.isEmpty()) {
      street.add(ask(console, null, "Its street address (one line)"));
    }
    city = ask(console, city, "Its city");
    country = ask(console, country, "Its country (two letters, e.g. JP)");
    email = ask(console, email, "Its email, where replies go");
    sendingState = ask(console, sendingState, "The state you petition (two letters, e.g. CN)");
    hostCountry = ask(console, hostCountry, "The country whose missions of that state receive the letters (e.g. JP)");
    language = ask(console, language, "The letter's language (e.g. en)");
    addresseeName = ask(console, addresseeName, "The addressee's name");
    addresseeTitle = ask(console, addresseeTitle, "The addressee's title");
    signer = ask(console, signer, "Who signs the letter");
  }

  private static String ask(Console console, String given, String question) {
    while (given == null || given.isBlank()) {
      given = console.readLine("%s: ", question);
      if (given == null) {
        throw new IllegalArgumentException("no answer to '" + question + "' (end of input)");
      }
    }
    return given.strip();
  }

  /** The answers, each checked by the model's rules and named by its flag when refused. */
  private CampaignDraft draft() {
    LocalDate day = checked("--date", date == null ? LocalDate.now().toString() : date, LocalDate::parse);
    String campaignId = checked("--id", id == null ? idFrom(dir) : id, v -> Values.id(v, "--id"));
    return new CampaignDraft(campaignId, day, checked("--name", name, v -> Values.line(v, "--name")),
        checked("--short-name", shortName == null ? name : shortName, v -> Values.line(v, "--short-name")),
        street.stream().map(l -> checked("--street", l, v -> Values.line(v, "--street"))).toList(),
        checked("--city", city, v -> Values.line(v, "--city")),
        postalCode == null ? "" : checked("--postal-code", postalCode, v -> Values.line(v, "--postal-code")),
        Formats.country(country.strip().toUpperCase(Locale.ROOT), "--country"),
        checked("--email", email, v -> Values.email(v, "--email")),
        Formats.country(sendingState.strip().toUpperCase(Locale.ROOT), "--sending-state"),
        Formats.country(hostCountry.strip().toUpperCase(Locale.ROOT), "--host-country"),
        checked("--language", language, v -> Values.language(v, "--language")),
        checked("--addressee-name", addresseeName, v -> Values.line(v, "--addressee-name")),
        checked("--addressee-title", addresseeTitle, v -> Values.line(v, "--addressee-title")),
        checked("--salutation", salutation == null ? "Excellency," : salutation, v -> Values.line(v, "--salutation")),
        checked("--signer", signer, v -> Values.line(v, "--signer")),
        signerTitle == null ? "" : checked("--signer-title", signerTitle, v -> Values.line(v, "--signer-title")));
  }

  private static <T> T checked(String option, String value, Function<String, T> rule) {
    try {
      return rule.apply(value.strip());
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      String why = e.getMessage() == null ? "is not valid" : e.getMessage().replaceFirst("^" + option + " ", "");
      throw new IllegalArgumentException(option + " " + why + (option.equals("--date") ? " (write YYYY-MM-DD)" : ""));
    }
  }

  /** An id from the folder's name ("World Day 2026" → world-day-2026), or "campaign". */
  static String idFrom(Path dir) {
    Path name = dir.toAbsolutePath().normalize().getFileName();
    String slug = name == null ? "" : name.toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-+|-+$", "");
    try {
      return Values.id(slug, "id");
    } catch (IllegalArgumentException e) {
      return "campaign";
    }
  }
}
