package org.demarche.core.model;


/**
 * The person a petition is addressed to, reached "via" a diplomatic mission.
 *
 * @param name the addressee's name, e.g. "Xi Jinping"
 * @param title the addressee's title, e.g. "President of the People's Republic of China"
 * @param salutation the greeting line template, e.g. "Dear Mr. President:" (Mustache placeholders allowed)
 */
public record Addressee(String name, String title, String salutation) {
  public Addressee {
    name = Values.line(name, "addressee.name");
    title = Values.line(title, "addressee.title");
    salutation = Values.line(salutation, "addressee.salutation");
  }
}
