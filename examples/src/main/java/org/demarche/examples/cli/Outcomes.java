package org.demarche.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import org.demarche.core.model.LetterOutcome;

/** How status and the report show what happened to a letter after it left. */
final class Outcomes {
  private Outcomes() {}

  /** {@code posted 2026-09-18 (tracking EJ123456789JP)}, {@code bounced 2026-09-24 (5.1.1: smtp; 550 ...)}. */
  static String text(LetterOutcome o) {
    String ref = o.reference().map(r -> (o.kind() == LetterOutcome.Kind.POSTED ? "tracking " : "") + r).orElse("");
    String note = o.note().orElse("");
    String detail = ref.isEmpty() ? note : note.isEmpty() ? ref : ref + ": " + note;
    return o.kind().word() + " " + o.on() + (detail.isEmpty() ? "" : " (" + detail + ")");
  }

  /** All of a letter's, oldest first, on one line. */
  static String text(List<LetterOutcome> outcomes) {
    return String.join("; ", outcomes.stream().map(Outcomes::text).toList());
  }

  /** As JSON: {@code [{"kind": "posted", "on": "2026-09-18", "reference": "EJ...", "note": ..., "recordedAt": ...}]}. */
  static void json(ArrayNode into, List<LetterOutcome> outcomes) {
    for (LetterOutcome o : outcomes) {
      var n = into.addObject();
      n.put("kind", o.kind().word());
      n.put("on", o.on().toString());
      o.reference().ifPresent(r -> n.put(o.kind() == LetterOutcome.Kind.POSTED ? "tracking" : "status", r));
      o.note().ifPresent(r -> n.put(o.kind() == LetterOutcome.Kind.BOUNCED ? "diagnostic" : "note", r));
      n.put("recordedAt", o.recordedAt().toString());
    }
  }
}
