/**
 * Planning and filling letters: the public API that the engine, features such as add-your-voice, and
 * third-party tools share to turn a campaign's petition into one personal {@link org.demarche.core.model.Letter}.
 *
 * <p>{@link org.demarche.core.letters.LetterTemplate} compiles a logic-less (Mustache) template and reports
 * every placeholder that names nothing, with its file and line, before anything is sent;
 * {@link org.demarche.core.letters.LetterPlanner} fills a campaign's templates for one mission (and, for a
 * supporter's own letter, one signer, id and personal paragraph). The names a template may use are
 * {@link org.demarche.core.model.LetterData#NAMES}.
 */
package org.demarche.core.letters;
