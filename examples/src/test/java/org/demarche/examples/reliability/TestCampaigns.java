package org.demarche.examples.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** A campaign to N test missions (a user directory file) sent over plain SMTP to a loopback server. */
final class TestCampaigns {
  private TestCampaigns() {}

  static String missionId(int i) {
    return String.format(Locale.ROOT, "test-mission-%03d", i);
  }

  static Path write(Path dir, int missions, int smtpPort) throws IOException {
    return write(dir, missions, smtpPort, 0);
  }

  /** With {@code perMinute} above 0 the channel spaces its messages, so that a run lasts a while. */
  static Path write(Path dir, int missions, int smtpPort, int perMinute) throws IOException {
    StringBuilder json = new StringBuilder("{\"format\": \"demarche-directory/1\", \"missions\": [\n");
    for (int i = 1; i <= missions; i++) {
      json.append(String.format(Locale.ROOT, """
            {"id": "%s", "kind": "consulate-general", "name": "Test Consulate-General %03d",
             "sendingState": "CN", "hostCountry": "JP", "city": "Osaka",
             "address": {"lines": ["%d Test Street"], "city": "Osaka", "postalCode": "550-0004"},
             "email": "m%03d@missions.test",
             "sources": {"mission": {"source": "generated for a test", "checkedOn": "2026-11-28"}}}%s
          """, missionId(i), i, i, i, i == missions ? "" : ","));
    }
    json.append("]}\n");
    Files.writeString(dir.resolve("missions.json"), json);
    Files.writeString(dir.resolve("letter.en.md"), "We write through the {{mission.name}} on {{date}}.\n\n"
        + "We ask for safe passage for refugees to a third country.\n");
    Path campaign = dir.resolve("campaign.yaml");
    Files.writeString(campaign, String.format(Locale.ROOT, """
        id: reliability-test
        date: 2026-09-24
        sender:
          name: Test NGO
          address: { lines: ["1 Test Street"], city: Tokyo, country: JP }
          email: ngo@ngo.test
        petition:
          language: en
          addressee: { name: Xi Jinping, title: President of the People's Republic of China, salutation: "Dear Mr. President:" }
          subject: Petition via {{mission.city}}
          body: letter.en.md
          closing: Sincerely,
          signedBy: { name: Test Signer, title: Director }
        recipients:
          directories: [missions.json]
          select: { sendingState: CN, hostCountry: JP }
        delivery:
          channel: smtp
          retry: { maxAttempts: 3, initialBackoffSeconds: 1, maxBackoffSeconds: 2, maxTotalSeconds: 10 }
          smtp: { host: 127.0.0.1, port: %d, tls: none, perMinute: %d, perDomainPerMinute: 0 }
        """, smtpPort, perMinute));
    return campaign;
  }
}
