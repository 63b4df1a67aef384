package org.demarche.core.contract;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.demarche.core.model.Addressee;
import org.demarche.core.model.Coordinate;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.Letter;
import org.demarche.core.model.MissionKind;
import org.demarche.core.model.PostalAddress;
import org.demarche.core.model.Provenance;
import org.demarche.core.model.Sender;
import org.demarche.core.model.Signatories;
import org.demarche.core.model.Signer;

/** Sample values for tests of Demarche and of its plugins. The addresses are the real ones. */
public final class Fixtures {
  private Fixtures() {}

  public static Sender sender() {
    return new Sender("Life Funds for North Korean Refugees", "LFNKR",
        new PostalAddress(List.of("Dai-ichi Building 3F", "1-2-3 Example, Shinjuku-ku"), "Tokyo", Optional.of("JP-13"),
            Optional.of("160-0000"), "JP", List.of()),
        "info@lfnkr.example.org", Optional.of(URI.create("https://www.northkoreanrefugees.com")));
  }

  /** The PRC Consulate-General in Osaka, with a test email (the real one is unpublished). */
  public static DiplomaticMission osaka() {
    return mission("cn-cg-jp-osaka", MissionKind.CONSULATE_GENERAL,
        "Consulate-General of the People's Republic of China in Osaka", "Osaka",
        List.of("3-9-2 Utsubohonmachi, Nishi-ku"), "550-0004", "JP-27",
        Optional.of("osaka@consulate.example.org"), new Coordinate(34.68275, 135.487306),
        Set.of("JP-25", "JP-26", "JP-27", "JP-28", "JP-29", "JP-30"));
  }

  /** The PRC Consulate-General in Sapporo. */
  public static DiplomaticMission sapporo() {
    return mission("cn-cg-jp-sapporo", MissionKind.CONSULATE_GENERAL,
        "Consulate-General of the People's Republic of China in Sapporo", "Sapporo",
        List.of("5-1 Minami 13-jo Nishi 23-chome, Chuo-ku"), "064-0913", "JP-01",
        Optional.of("sapporo@consulate.example.org"), new Coordinate(43.039333, 141.324333),
        Set.of("JP-01", "JP-02", "JP-03", "JP-05"));
  }

  /** A mission that publishes no email: its letters go by post. */
  public static DiplomaticMission nagasakiWithoutEmail() {
    return mission("cn-cg-jp-nagasaki", MissionKind.CONSULATE_GENERAL,
        "Consulate-General of the People's Republic of China in Nagasaki", "Nagasaki",
        List.of("10-35 Hashiguchi-machi"), "852-8114", "JP-42", Optional.empty(),
        new Coordinate(32.777944, 129.8665), Set.of("JP-42"));
  }

  public static DiplomaticMission mission(String id, MissionKind kind, String name, String city, List<String> lines,
      String postalCode, String region, Optional<String> email, Coordinate at, Set<String> jurisdiction) {
    return new DiplomaticMission(id, kind, name, Optional.empty(), "CN", "JP", city,
        new PostalAddress(lines, city, Optional.of(region), Optional.of(postalCode), "JP", List.of()),
        email, Optional.empty(), Optional.empty(), Optional.empty(), jurisdiction, Set.of(), Optional.of(at),
        Map.of("mission", Provenance.confirmed("test fixture", LocalDate.of(2026, 11, 28))));
  }

  public static Letter letterTo(DiplomaticMission mission) {
    return new Letter(mission.id(), "test-campaign", sender(), mission,
        new Addressee("Xi Jinping", "President of the People's Republic of China", "Dear Mr. President:"), "en",
        LocalDate.of(2026, 9, 24), "24 September 2026",
        "Petition on World Save North Korean Refugees Day",
        "Dear Mr. President:",
        List.of("On 24 September 1982 the People’s Republic of China acceded to the 1951 Convention relating to the"
                + " Status of Refugees and its 1967 Protocol — a date we mark every year.",
            "We ask you to end forced repatriation and to grant safe passage to a third country."),
        "Sincerely,", Signer.of("Hiroshi Kato", "Executive Director"), Signatories.none(), Disclosure.FULL, false,
        Optional.empty());
  }

  public static Path campaignFile() {
    return Path.of("test-campaign.yaml");
  }
}
