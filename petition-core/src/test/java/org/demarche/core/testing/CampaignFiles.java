package org.demarche.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes sample campaign files into a folder. */
public final class CampaignFiles {
  public static final String BODY = """
      We write on {{date}} to {{addressee.name}} through the {{mission.name}}.

      On 24 September 1982 the People’s Republic of China acceded to the 1951 Convention
      and its 1967 Protocol.
      """;

  public static final String VALID = """
      id: test-campaign
      date: 2026-09-24
      sender:
        name: Life Funds for North Korean Refugees
        shortName: LFNKR
        address: { lines: ["1-2-3 Example"], city: Tokyo, postalCode: "160-0000", country: JP }
        email: info@lfnkr.example.org
        web: https://www.northkoreanrefugees.com
      petition:
        language: en
        addressee: { name: Xi Jinping, title: "President of the People's Republic of China", salutation: "Dear Mr. President:" }
        subject: "Petition via {{mission.city}}"
        body: letter.en.md
        closing: Sincerely,
        signedBy: { name: Hiroshi Kato, title: Executive Director }
      recipients:
        directories: [bundled]
        select: { sendingState: CN, hostCountry: JP }
      delivery:
        channel: counting
        renderer: text
      """;

  private CampaignFiles() {}

  public static Path write(Path dir, String campaign, String body) {
    try {
      Files.writeString(dir.resolve("letter.en.md"), body);
      Path file = dir.resolve("campaign.yaml");
      Files.writeString(file, campaign);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path valid(Path dir) {
    return write(dir, VALID, BODY);
  }
}
