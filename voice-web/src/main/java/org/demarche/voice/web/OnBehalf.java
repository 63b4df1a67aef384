package org.demarche.voice.web;

import org.demarche.voice.Supporter;
import org.demarche.voice.VoiceSender;

/**
 * What the page needs to send letters on supporters' behalf (campaigns whose {@code delivery.voice.mode} is
 * {@code on-behalf}): a way to mail a supporter their single-use confirmation link, and a way to send their
 * letter once they confirmed, through {@link VoiceSender} and the campaign's journal like {@code demarche voice
 * --send}, so that its daily cap and its once-only rule hold for the web too.
 */
public interface OnBehalf {
  /**
   * Mails {@code text} to the supporter's own address.
   *
   * @throws RuntimeException when the mail could not be handed over; the page tells the supporter to try later
   */
  void mailToken(String to, String subject, String text);

  /** Sends the supporter's letter now (or holds it under the daily cap); see {@link VoiceSender#send}. */
  VoiceSender.Report send(Supporter supporter);
}
