package org.demarche.examples.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** demarche-bom has no parent (so apps do not inherit our build), so nothing keeps it in step but this test. */
class BomTest {
  private static Document read(String path) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File(path));
  }

  private static String child(Element e, String name) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && c.getTagName().equals(name)) {
        return c.getTextContent().trim();
      }
    }
    return "";
  }

  private static List<String> texts(Document d, String tag) {
    List<String> out = new ArrayList<>();
    NodeList list = d.getElementsByTagName(tag);
    for (int i = 0; i < list.getLength(); i++) {
      out.add(list.item(i).getTextContent().trim());
    }
    return out;
  }

  @Test
  void theBomHasTheParentsVersionAndManagesEveryPublishedModule() throws Exception {
    Document parent = read("../pom.xml");
    Document bom = read("../demarche-bom/pom.xml");

    assertThat(child(bom.getDocumentElement(), "version")).isEqualTo(child(parent.getDocumentElement(), "version"));
    List<String> modules = new ArrayList<>(texts(parent, "module"));
    modules.remove("demarche-bom");
    assertThat(texts(bom, "artifactId")).containsAll(modules);
  }

  @Test
  void theBomPinsTheSameCveFixesAsTheParent() throws Exception {
    Element parent = (Element) read("../pom.xml").getElementsByTagName("properties").item(0);
    Element bom = (Element) read("../demarche-bom/pom.xml").getElementsByTagName("properties").item(0);

    for (String pin : List.of("bouncycastle.version", "guava.version")) {
      assertThat(child(bom, pin)).as(pin).isNotEmpty().isEqualTo(child(parent, pin));
    }
  }
}
