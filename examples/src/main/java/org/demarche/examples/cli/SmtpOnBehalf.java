package org.demarche.examples.cli;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.demarche.core.Demarche;
import org.demarche.core.FileJournal;
import org.demarche.core.model.Settings;
import org.demarche.core.spi.ChannelContext;
import org.demarche.core.spi.DeliveryChannel;
import org.demarche.core.spi.Secrets;
import org.demarche.deliver.email.SmtpSettings;
import org.demarche.voice.Supporter;
import org.demarche.voice.VoiceSender;
import org.demarche.voice.Voices;
import org.demarche.voice.web.OnBehalf;

/**
 * The runner's "send it for me": confirmation mails over the campaign's SMTP server, and letters through the
 * campaign's smtp channel, {@link VoiceSender} and its journal, exactly as {@code demarche voice --send} sends
 * them (so the daily cap and the once-only rule are shared with the command line). One letter at a time: the
 * journal is a file with one writer.
 */
final class SmtpOnBehalf implements OnBehalf {
  private final Demarche demarche;
  private final Voices voices;
  private final Settings smtp;
  private final Path journal;
  private final Map<String, String> environment;

  SmtpOnBehalf(Demarche demarche, Voices voices, Settings smtp, Path journal, Map<String, String> environment) {
    this.demarche = demarche;
    this.voices = voices;
    this.smtp = smtp;
    this.journal = journal;
    this.environment = environment;
    SmtpSettings.from(smtp); // refuse bad SMTP settings when the page starts, not when a supporter confirms
  }

  @Override
  public void mailToken(String to, String subject, String text) {
    SmtpSettings s = SmtpSettings.from(smtp);
    Properties p = new Properties();
    String proto = s.tls() == SmtpSettings.Tls.SMTPS ? "smtps" : "smtp";
    p.put("mail." + proto + ".host", s.host());
    p.put("mail." + proto + ".port", String.valueOf(s.port()));
    p.put("mail." + proto + ".connectiontimeout", "10000");
    p.put("mail." + proto + ".timeout", "20000");
    if (s.tls() == SmtpSettings.Tls.STARTTLS) {
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
    }
    p.put("mail." + proto + ".auth", String.valueOf(s.username().isPresent()));
    try {
      MimeMessage m = new MimeMessage(Session.getInstance(p));
      m.setFrom(new InternetAddress(voices.campaign().sender().email(), voices.campaign().sender().name(), "UTF-8"));
      m.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
      m.setSubject(subject, "UTF-8");
      m.setText(text, "UTF-8");
      try (Transport t = m.getSession().getTransport(proto)) {
        if (s.username().isPresent()) {
          t.connect(s.username().get(), Secrets.require(environment, s.passwordEnv(), "the SMTP password"));
        } else {
          t.connect();
        }
        t.sendMessage(m, m.getAllRecipients());
      }
    } catch (MessagingException | java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException("the confirmation mail could not be handed to " + s.host() + ": "
          + e.getClass().getSimpleName(), e);
    }
  }

  @Override
  public synchronized VoiceSender.Report send(Supporter supporter) {
    try (FileJournal j = FileJournal.open(journal, voices.campaign().id());
        DeliveryChannel channel = demarche.channel("smtp", new ChannelContext(smtp, journal.toAbsolutePath().getParent(),
            environment))) {
      return VoiceSender.create(voices, demarche.renderer(voices.campaign()), channel, j).send(List.of(supporter));
    }
  }
}
