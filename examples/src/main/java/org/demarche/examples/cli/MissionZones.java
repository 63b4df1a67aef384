package org.demarche.examples.cli;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.demarche.core.model.DiplomaticMission;

/**
 * A mission's time zone for the delivery report, from its host country where that country keeps one zone (the zone
 * rules are the JDK's tz data). A country with several zones (US, RU, AU, BR, CA, ...) gives none: the report then
 * shows UTC alone rather than guess. One place to swap in a per-mission zone from the directory.
 */
final class MissionZones {
  private static final Map<String, String> ONE_ZONE = Map.ofEntries(
      Map.entry("JP", "Asia/Tokyo"), Map.entry("CN", "Asia/Shanghai"), Map.entry("KR", "Asia/Seoul"),
      Map.entry("KP", "Asia/Pyongyang"), Map.entry("TW", "Asia/Taipei"), Map.entry("HK", "Asia/Hong_Kong"),
      Map.entry("MO", "Asia/Macau"), Map.entry("VN", "Asia/Ho_Chi_Minh"), Map.entry("TH", "Asia/Bangkok"),
      Map.entry("PH", "Asia/Manila"), Map.entry("SG", "Asia/Singapore"), Map.entry("IN", "Asia/Kolkata"),
      Map.entry("AF", "Asia/Kabul"), Map.entry("GB", "Europe/London"), Map.entry("FR", "Europe/Paris"),
      Map.entry("DE", "Europe/Berlin"), Map.entry("BE", "Europe/Brussels"), Map.entry("NL", "Europe/Amsterdam"),
      Map.entry("CH", "Europe/Zurich"), Map.entry("IT", "Europe/Rome"), Map.entry("AT", "Europe/Vienna"),
      Map.entry("HR", "Europe/Zagreb"), Map.entry("SE", "Europe/Stockholm"), Map.entry("NO", "Europe/Oslo"),
      Map.entry("PL", "Europe/Warsaw"), Map.entry("UG", "Africa/Kampala"), Map.entry("ST", "Africa/Sao_Tome"),
      Map.entry("KE", "Africa/Nairobi"), Map.entry("ZA", "Africa/Johannesburg"), Map.entry("IL", "Asia/Jerusalem"),
      Map.entry("TR", "Europe/Istanbul"), Map.entry("NZ", "Pacific/Auckland"));

  private MissionZones() {}

  static Optional<ZoneId> of(DiplomaticMission mission) {
    return Optional.ofNullable(ONE_ZONE.get(mission.hostCountry())).map(ZoneId::of);
  }
}
