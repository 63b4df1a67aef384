/**
 * "Add your voice": supporters' own letters via the mission that serves where they live, built on
 * petition-core's public API only.
 *
 * <p>{@link org.demarche.voice.Voices} routes one supporter (consular jurisdiction first, distance otherwise)
 * and plans their letter with {@link org.demarche.core.letters.LetterPlanner};
 * {@link org.demarche.voice.VoiceOutbox} writes the letters of a whole supporter file into a folder per
 * mission, through whichever file-writing channel the caller opens (the rendered document, a draft from the
 * supporter's own address, a {@code mailto:} link); {@link org.demarche.voice.VoiceSender} sends them on the
 * supporters' behalf, from the NGO with the supporter as Reply-To, when the campaign chooses that mode
 * ({@code delivery.voice.mode: on-behalf}). {@link org.demarche.voice.ParagraphSimilarity} finds identical and
 * near-identical personal paragraphs. Directories, renderers and channels come in through petition-core's SPI;
 * this package names none of them, and file names come from the renderer's
 * {@link org.demarche.core.model.Rendition} and the channel.
 */
package org.demarche.voice;
