package org.demarche.contacts.internal;

import java.util.List;
import java.util.Map;
import org.demarche.core.model.Location;

/**
 * A value read from a JSON or CSV file with where it was written: a String, Boolean, Number, {@code null},
 * a {@code List<Node>} or a {@code Map<String, Node>} (in file order).
 */
record Node(Object value, Location at) {

  boolean isNull() {
    return value == null;
  }

  @SuppressWarnings("unchecked")
  Map<String, Node> object() {
    return (Map<String, Node>) value;
  }

  @SuppressWarnings("unchecked")
  List<Node> array() {
    return (List<Node>) value;
  }

  String describe() {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map) {
      return "an object";
    }
    if (value instanceof List) {
      return "a list";
    }
    if (value instanceof String s) {
      return "'" + s + "'";
    }
    return value.toString();
  }
}
