/**
 * "Add your voice": supporters' own letters via the mission that serves where they live.
 *
 * <p>{@link org.demarche.core.voice.Voices} routes one supporter (consular jurisdiction first, distance
 * otherwise) and makes their letter; {@link org.demarche.core.voice.VoiceOutbox} writes the letters of a whole
 * supporter file into an outbox tree by mission (PDF, {@code .eml} draft from the supporter's own address,
 * {@code mailto:} link); {@link org.demarche.core.voice.VoiceSender} sends them on the supporters' behalf, from
 * the NGO with the supporter as Reply-To, when the campaign chooses that mode ({@code delivery.voice.mode:
 * on-behalf}). {@link org.demarche.core.voice.ParagraphSimilarity} finds identical and near-identical personal
 * paragraphs. Nothing here depends on a directory, renderer or channel implementation: they come in through
 * the SPI.
 */
package org.demarche.core.voice;
