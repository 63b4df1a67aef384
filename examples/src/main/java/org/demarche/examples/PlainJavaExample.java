package org.demarche.examples;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.demarche.contacts.ContactsPlugin;
import org.demarche.core.model.Campaign;
import org.demarche.core.Demarche;
import org.demarche.core.model.Envelope;
import org.demarche.core.model.Letter;
import org.demarche.core.model.MessageIds;
import org.demarche.core.model.Receipt;
import org.demarche.core.model.Rendition;
import org.demarche.core.model.Settings;
import org.demarche.core.spi.ChannelContext;
import org.demarche.core.spi.DeliveryChannel;
import org.demarche.deliver.email.EmailPlugin;
import org.demarche.render.pdf.PdfPlugin;

/** Embedding without Guice: load a campaign, render one letter, put it in the outbox. */
public final class PlainJavaExample {
  public static Receipt firstLetterToOutbox(Path campaignFile, Path outbox) {
    Demarche demarche = Demarche.builder()
        .install(new ContactsPlugin()).install(new PdfPlugin()).install(new EmailPlugin())
        .build();
    Campaign campaign = demarche.load(campaignFile);            // every problem at once, with file:line
    Letter letter = demarche.plan(campaign).stream()          // one letter per selected mission
        .filter(l -> l.mission().email().isPresent()).findFirst().orElseThrow();
    Rendition pdf = demarche.renderer(campaign).render(letter);
    String messageId = MessageIds.of(campaign.id(), letter.id(), campaign.sender().emailDomain());
    try (DeliveryChannel channel = demarche.channel("outbox",
        new ChannelContext(Settings.empty("delivery.outbox"), outbox, Map.of()))) {
      return channel.deliver(new Envelope(letter, pdf, List.of(), messageId));
    }
  }

  public static void main(String[] args) {
    System.out.println(firstLetterToOutbox(Path.of(args[0]), Path.of(args.length > 1 ? args[1] : "out"))); }
}
