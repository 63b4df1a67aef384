/**
 * Add your voice on the web: the supporters' page ({@link org.demarche.voice.web.VoicePage}), a handler any
 * server can mount, and {@link org.demarche.voice.web.VoiceWebServer}, which serves it on the JDK's own server.
 */
package org.demarche.voice.web;
