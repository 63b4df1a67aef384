package org.demarche.deliver.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.demarche.core.model.Addressee;
import org.demarche.core.model.DeliveryException;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.Envelope;
import org.demarche.core.model.Letter;
import org.demarche.core.model.MessageIds;
import org.demarche.core.model.MissionKind;
import org.demarche.core.model.Rendition;
import org.demarche.core.model.Sender;
import org.demarche.core.model.Signatories;
import org.demarche.core.model.Signer;
import org.demarche.core.contract.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 9, item 6: every field that reaches a mail header, fed each way of breaking a header line. Each
 * value is either refused with the field named, or delivered to a real SMTP server whose received
 * messages then show no header and no recipient the campaign did not put there.
 */
class HeaderInjectionBatteryTest {

  @RegisterExtension
  static final GreenMailExtension SERVER = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  /** The attack in a display name or a text: each tries to start a Bcc header at evil.test. */
  private static final Map<String, String> TEXT = new LinkedHashMap<>();
  /** The same attacks shaped as an email address (an address cannot hold a space). */
  private static final Map<String, String> ADDRESS = new LinkedHashMap<>();

  static {
    TEXT.put("CR", "Kato\rBcc: cr@evil.test");
    TEXT.put("LF", "Kato\nBcc: lf@evil.test");
    TEXT.put("CRLF", "Kato\r\nBcc: crlf@evil.test");
    TEXT.put("%0d%0a", "Kato%0d%0aBcc: pct@evil.test");
    TEXT.put("U+2028", "Kato\u2028Bcc: ls@evil.test");
    TEXT.put("U+0085", "Kato\u0085Bcc: nel@evil.test");
    TEXT.put("encoded-word", "=?UTF-8?Q?a=0D=0ABcc:_ew@evil.test?=");
    TEXT.put("CRLF.CRLF", "Kato\r\n.\r\nMAIL FROM:<dot@evil.test>");
    ADDRESS.put("CR", "kato\rbcc@ngo.test");
    ADDRESS.put("LF", "kato\nbcc@ngo.test");
    ADDRESS.put("CRLF", "kato\r\nbcc@ngo.test");
    ADDRESS.put("%0d%0a", "kato%0d%0abcc@ngo.test");
    ADDRESS.put("U+2028", "kato\u2028bcc@ngo.test");
    ADDRESS.put("U+0085", "kato\u0085bcc@ngo.test");
    ADDRESS.put("encoded-word", "=?UTF-8?Q?a=0D=0ABcc?=@ngo.test");
    ADDRESS.put("CRLF.CRLF", "kato\r\n.\r\n@ngo.test");
  }

  /** What one field case builds: the envelope to send, and the copies the channel adds. */
  private record Case(Envelope envelope, Optional<String> cc, Optional<String> bcc) {
    Case(Envelope envelope) {
      this(envelope, Optional.empty(), Optional.empty());
    }
  }

  private static final Set<String> HEADERS_EXPECTED = Set.of("return-path", "received", "date", "from", "reply-to",
      "to", "cc", "message-id", "subject", "mime-version", "content-type");

  private static DiplomaticMission mission(String name, String email) {
    return Fixtures.mission("cn-cg-jp-osaka", MissionKind.CONSULATE_GENERAL, name, "Osaka",
        List.of("3-9-2 Utsubohonmachi, Nishi-ku"), "550-0004", "JP-27", Optional.of(email),
        new org.demarche.core.model.Coordinate(34.68, 135.48), Set.of("JP-27"));
  }

  private static Letter letter(Sender sender, DiplomaticMission mission, String subject, String salutation,
      Signer signer, Optional<String> replyTo) {
    return new Letter(mission.id(), "test-campaign", sender, mission,
        new Addressee("Xi Jinping", "President of the People's Republic of China", "Dear Mr. President:"), "en",
        LocalDate.of(2026, 9, 24), "24 September 2026", subject, salutation,
        List.of("We ask you to end forced repatriation."), "Sincerely,", signer, Signatories.none(), Disclosure.FULL,
        false, replyTo);
  }

  private static Sender sender(String name, String email) {
    Sender s = Fixtures.sender();
    return new Sender(name, s.shortName(), s.address(), email, s.web());
  }

  private static Letter plain() {
    return letter(Fixtures.sender(), Fixtures.osaka(), "Petition", "Dear Mr. President:",
        Signer.of("Hiroshi Kato", "Executive Director"), Optional.empty());
  }

  private static Envelope envelope(Letter l) {
    return TestLetters.envelope(l);
  }

  /** Field name (as the error must say it) and how a value reaches that field. */
  private static Map<String, BiFunction<String, String, Case>> fields() {
    Map<String, BiFunction<String, String, Case>> f = new LinkedHashMap<>();
    Letter p = plain();
    f.put("sender.name", (text, address) -> new Case(envelope(letter(sender(text, p.sender().email()), p.mission(),
        p.subject(), p.salutation(), p.signer(), Optional.empty()))));
    f.put("sender.email", (text, address) -> new Case(envelope(letter(sender(p.sender().name(), address),
        p.mission(), p.subject(), p.salutation(), p.signer(), Optional.empty()))));
    f.put("signedBy.name", (text, address) -> new Case(envelope(letter(p.sender(), p.mission(), p.subject(),
        p.salutation(), Signer.of(text, "Executive Director"), Optional.empty()))));
    f.put("subject", (text, address) -> new Case(envelope(letter(p.sender(), p.mission(), text, p.salutation(),
        p.signer(), Optional.empty()))));
    f.put("salutation", (text, address) -> new Case(envelope(letter(p.sender(), p.mission(), p.subject(), text,
        p.signer(), Optional.empty()))));
    f.put("name", (text, address) -> new Case(envelope(letter(p.sender(),
        mission(text, "osaka@consulate.example.org"), p.subject(), p.salutation(), p.signer(), Optional.empty()))));
    f.put("email", (text, address) -> new Case(envelope(letter(p.sender(), mission(p.mission().name(), address),
        p.subject(), p.salutation(), p.signer(), Optional.empty()))));
    f.put("replyTo", (text, address) -> new Case(envelope(letter(p.sender(), p.mission(), p.subject(),
        p.salutation(), p.signer(), Optional.of(address)))));
    f.put("fileName", (text, address) -> new Case(new Envelope(p, TestLetters.envelope(p).document(),
        List.of(new Rendition(text, "application/pdf", "zh", new byte[] {'%', 'P', 'D', 'F'})),
        MessageIds.of(p.campaignId(), p.id(), p.sender().emailDomain()))));
    f.put("cc", (text, address) -> new Case(envelope(p), Optional.of(address), Optional.empty()));
    f.put("bcc", (text, address) -> new Case(envelope(p), Optional.empty(), Optional.of(address)));
    return f;
  }

  @Test
  void noValueInAnyHeaderFieldInjectsAHeaderOrARecipient() throws Exception {
    Map<String, BiFunction<String, String, Case>> fields = fields();
    int cases = 0;
    int rejectedNamingField = 0;
    List<String> rejectedWithoutField = new ArrayList<>();
    List<String> accepted = new ArrayList<>();
    int expectedMessages = 0;
    List<String> acceptedSubjects = new ArrayList<>();
    List<String> acceptedNames = new ArrayList<>();
    for (var field : fields.entrySet()) {
      for (String attack : TEXT.keySet()) {
        cases++;
        String label = field.getKey() + " with " + attack;
        try {
          Case c = field.getValue().apply(TEXT.get(attack), ADDRESS.get(attack));
          SmtpSettings settings = SmtpChannelTest.localTo(SERVER).withCopies(c.cc(), c.bcc());
          try (SmtpChannel smtp = SmtpChannel.create(settings, Map.of())) {
            smtp.deliver(c.envelope());
          }
          accepted.add(attack);
          expectedMessages += 1 + (c.cc().isPresent() ? 1 : 0) + (c.bcc().isPresent() ? 1 : 0);
          if (field.getKey().equals("subject")) {
            acceptedSubjects.add(TEXT.get(attack));
          }
          if (field.getKey().equals("sender.name") || field.getKey().equals("name")) {
            acceptedNames.add(TEXT.get(attack));
          }
        } catch (IllegalArgumentException | DeliveryException e) {
          if (e.getMessage().startsWith(field.getKey() + " ") || e.getMessage().contains(" " + field.getKey() + " ")
              || e.getMessage().contains(field.getKey() + ":")) {
            rejectedNamingField++;
          } else {
            rejectedWithoutField.add(label + ": " + e.getMessage());
          }
        }
      }
    }

    MimeMessage[] received = SERVER.getReceivedMessages();
    int injectedHeaders = 0;
    int extraRecipients = 0;
    List<String> findings = new ArrayList<>();
    Set<String> allowedRecipients = new java.util.HashSet<>(Set.of("osaka@consulate.example.org"));
    for (String a : ADDRESS.values()) {
      allowedRecipients.add(a.toLowerCase(Locale.ROOT));
      // GreenMail decodes an encoded-word even in an address's local part when it names the mailbox; the client
      // sent it literally (RCPT TO:<=?UTF-8?Q?a=0D=0ABcc?=@ngo.test>): one recipient, the one configured.
      allowedRecipients.add(jakarta.mail.internet.MimeUtility.decodeText(a).toLowerCase(Locale.ROOT));
    }
    for (MimeMessage m : received) {
      for (Header h : Collections.list(m.getAllHeaders())) {
        String name = h.getName().toLowerCase(Locale.ROOT);
        if (!HEADERS_EXPECTED.contains(name)) {
          injectedHeaders++;
          findings.add("header " + h.getName() + ": " + h.getValue());
        }
      }
      for (String name : new String[] {"From", "To", "Reply-To", "Subject", "Message-ID", "Cc"}) {
        String[] values = m.getHeader(name);
        if (values != null && values.length > 1) {
          injectedHeaders += values.length - 1;
          findings.add("header " + name + " appears " + values.length + " times");
        }
      }
      Address[] to = m.getAllRecipients();
      for (Address a : to == null ? new Address[0] : to) {
        if (!allowedRecipients.contains(((InternetAddress) a).getAddress().toLowerCase(Locale.ROOT))) {
          extraRecipients++;
          findings.add("recipient " + a);
        }
      }
    }
    // GreenMail makes a mailbox for every RCPT TO it accepts: the recipients of the SMTP transactions themselves.
    for (var user : SERVER.getUserManager().listUser()) {
      if (!allowedRecipients.contains(user.getEmail().toLowerCase(Locale.ROOT))) {
        extraRecipients++;
        findings.add("RCPT TO " + user.getEmail());
      }
    }
    int extraMessages = received.length - expectedMessages;

    System.out.printf(Locale.ROOT, "header injection: %d values x %d fields = %d, %d rejected naming the field,"
            + " %d accepted as harmless text and delivered (%s), %d injected headers, %d extra recipients%n",
        TEXT.size(), fields.size(), cases, rejectedNamingField, accepted.size(),
        accepted.stream().distinct().map(a -> a + " in " + Collections.frequency(accepted, a) + " fields")
            .collect(java.util.stream.Collectors.joining(", ")),
        injectedHeaders, extraRecipients + Math.max(0, extraMessages));
    assertThat(rejectedWithoutField).as("refusals that do not name the field").isEmpty();
    assertThat(findings).isEmpty();
    assertThat(injectedHeaders).isZero();
    assertThat(extraRecipients).isZero();
    assertThat(received).as("one message per accepted value and copy, no more").hasSize(expectedMessages);
    assertThat(rejectedNamingField + accepted.size()).isEqualTo(cases);
    List<String> subjects = new ArrayList<>(List.of("Petition"));
    subjects.addAll(acceptedSubjects);
    List<String> names = new ArrayList<>(List.of(Fixtures.sender().name(), Fixtures.osaka().name()));
    names.addAll(acceptedNames);
    for (MimeMessage m : received) {
      assertThat(m.getSubject()).as("a subject arrives exactly as it was written").isIn(subjects);
      assertThat(((InternetAddress) m.getFrom()[0]).getPersonal()).as("the sender's name arrives as written")
          .isIn(names);
      assertThat(((InternetAddress) m.getRecipients(jakarta.mail.Message.RecipientType.TO)[0]).getPersonal())
          .as("the mission's name arrives as written").isIn(names);
    }
  }
}
