package org.demarche.examples;

import com.google.inject.Guice;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.demarche.contacts.ContactsModule;
import org.demarche.core.model.Campaign;
import org.demarche.core.Demarche;
import org.demarche.core.model.Envelope;
import org.demarche.core.model.Letter;
import org.demarche.core.model.MessageIds;
import org.demarche.core.model.Receipt;
import org.demarche.core.model.Settings;
import org.demarche.core.guice.DemarcheModule;
import org.demarche.core.spi.ChannelContext;
import org.demarche.core.spi.DeliveryChannel;
import org.demarche.deliver.email.EmailModule;
import org.demarche.render.pdf.PdfModule;

/** Embedding with Guice: each plugin is one module; channels and renderers are bound by name. */
public final class GuiceExample {
  public static Receipt firstLetterToOutbox(Path campaignFile, Path outbox) {
    Demarche demarche = Guice.createInjector(new DemarcheModule(), new ContactsModule(), new PdfModule(),
        new EmailModule()).getInstance(Demarche.class);
    Campaign campaign = demarche.load(campaignFile);
    Letter letter = demarche.plan(campaign).stream()
        .filter(l -> l.mission().email().isPresent()).findFirst().orElseThrow();
    String messageId = MessageIds.of(campaign.id(), letter.id(), campaign.sender().emailDomain());
    try (DeliveryChannel channel = demarche.channel("outbox",
        new ChannelContext(Settings.empty("delivery.outbox"), outbox, Map.of()))) {
      return channel.deliver(new Envelope(letter, demarche.renderer(campaign).render(letter), List.of(), messageId));
    }
  }

  public static void main(String[] args) {
    System.out.println(firstLetterToOutbox(Path.of(args[0]), Path.of(args.length > 1 ? args[1] : "out"))); }
}
