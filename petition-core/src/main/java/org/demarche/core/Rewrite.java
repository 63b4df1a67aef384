package org.demarche.core;

import java.util.Optional;
import org.demarche.core.RunReport.Outcome;
import org.demarche.core.RunReport.Result;
import org.demarche.core.model.Envelope;
import org.demarche.core.model.Letter;
import org.demarche.core.model.LetterState;
import org.demarche.core.model.LetterStatus;
import org.demarche.core.model.MessageIds;
import org.demarche.core.model.Rendition;
import org.demarche.core.spi.DeliveryChannel;

/**
 * The engine's step for a letter an earlier run settled whose files are missing: writes them again (moved out of
 * {@link CampaignRunner} to keep it within the 400-line limit when the shared journal's claims came in).
 */
record Rewrite(DeliveryChannel channel, PostalDesk postalDesk, ProgressListener listener) {
  /** Writes again the files of a letter an earlier run settled; the journal keeps what that run recorded. */
  Outcome rewrite(CampaignRunner.Rendered r, LetterState state, LetterStatus status) {
    Letter letter = r.letter();
    Optional<String> messageId = status.messageId();
    try {
      if (r.failure().isPresent()) {
        throw r.failure().get();
      }
      Rendition doc = r.document().orElseThrow();
      if (state == LetterState.BY_POST) {
        postalDesk.post(letter, doc, r.attachments());
      } else {
        String mid = messageId.orElseGet(() -> MessageIds.of(letter.campaignId(), letter.id(),
            letter.sender().emailDomain()));
        channel.deliver(new Envelope(letter, doc, r.attachments(), mid));
      }
      listener.rewritten(letter, doc);
      return new Outcome(letter.id(), letter.mission().id(), Result.REWRITTEN, 0, messageId,
          Optional.of("handled by an earlier run; its files were missing and were written again"), false);
    } catch (RuntimeException e) {
      String detail = "handled by an earlier run, but its missing files could not be written again: " + e.getMessage();
      return new Outcome(letter.id(), letter.mission().id(), Result.FAILED_TRANSIENT, 0, messageId,
          Optional.of(detail), false);
    }
  }

}
