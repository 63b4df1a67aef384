package org.demarche.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.demarche.core.RunReport;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.LetterStatus;
import org.demarche.core.model.Problem;

/**
 * The runner's machine-readable output ({@code --format json} on run, validate and status), built from
 * {@link RunReport} and {@link LetterStatus} data only. Letter states are the stable names of the design:
 * {@link #STATES}. A letter handed to the outbox channel is {@code in-outbox}, never {@code sent}.
 */
final class JsonOutput {
  /** Every state a letter can have in this output, in the order counts are written. */
  static final List<String> STATES = List.of("sent", "in-outbox", "by-post", "failed-permanent", "failed-retryable",
      "in-doubt", "pending");

  private JsonOutput() {}

  /** The stable name of a run's outcome, on {@code channel} (outbox or smtp). */
  static String state(RunReport.Result result, String channel) {
    return switch (result) {
      case SENT, ALREADY_SENT -> delivered(channel);
      case BY_POST, ALREADY_BY_POST -> "by-post";
      case FAILED_PERMANENT -> "failed-permanent";
      case FAILED_TRANSIENT -> "failed-retryable";
      case IN_DOUBT -> "in-doubt";
      // Held back from SMTP because the outbox already holds it as an .eml.
      case HELD_BACK -> "in-outbox";
      // Settled by an earlier run, its lost files written again; run() tells post from channel by the Message-ID.
      case REWRITTEN -> delivered(channel);
    };
  }

  /** The stable name of a journal's state for a letter (empty: no record yet), on {@code channel}. */
  static String state(Optional<LetterStatus> status, String channel) {
    if (status.isEmpty()) {
      return "pending";
    }
    LetterStatus s = status.get();
    if (s.inDoubt()) {
      return "in-doubt";
    }
    return switch (s.state()) {
      case SENT -> delivered(channel);
      case BY_POST -> "by-post";
      case FAILED_PERMANENT -> "failed-permanent";
      case FAILED_TRANSIENT -> "failed-retryable";
      case PLANNED, SENDING -> "pending";
    };
  }

  private static String delivered(String channel) {
    return channel.equals("outbox") ? "in-outbox" : "sent";
  }

  /** What {@code run} did, letter by letter, with the counts per state. */
  static String run(RunReport report, String channel, Path outbox, String journal, List<Path> kit) {
    ObjectNode root = Missions.JSON.createObjectNode();
    root.put("command", "run");
    root.put("campaign", report.campaignId());
    root.put("channel", channel);
    root.put("outbox", outbox.toAbsolutePath().normalize().toString());
    root.put("journal", journal);
    ArrayNode kitFiles = root.putArray("printKit");
    kit.forEach(k -> kitFiles.add(k.toAbsolutePath().normalize().toString()));
    root.put("nothingNew", report.nothingNew());
    Map<String, Integer> counts = zeroCounts();
    ArrayNode letters = root.putArray("letters");
    for (RunReport.Outcome o : report.outcomes()) {
      String state = o.result() == RunReport.Result.REWRITTEN && o.messageId().isEmpty() ? "by-post"
          : state(o.result(), channel);
      counts.merge(state, 1, Integer::sum);
      ObjectNode n = letters.addObject();
      n.put("id", o.letterId());
      n.put("mission", o.missionId());
      n.put("state", state);
      n.put("thisRun", !o.earlier());
      n.put("attempts", o.attempts());
      o.messageId().ifPresent(m -> n.put("messageId", m));
      o.detail().ifPresent(d -> n.put("detail", d));
    }
    putCounts(root, counts);
    return write(root);
  }

  /** A mission's letter as the journals know it; {@code inOutbox}: written to the outbox (by the outbox journal). */
  record StatusRow(String missionId, Optional<LetterStatus> status, boolean inOutbox) {}

  /** What the journal knows of each selected mission's letter. */
  static String status(String campaignId, String channel, String journal, List<StatusRow> rows) {
    return status(campaignId, channel, journal, rows, Map.of());
  }

  /** As above, each letter with what happened to it after it left ({@code "after"}: posted, replied, bounced ...). */
  static String status(String campaignId, String channel, String journal, List<StatusRow> rows,
      Map<String, List<org.demarche.core.model.LetterOutcome>> outcomes) {
    ObjectNode root = Missions.JSON.createObjectNode();
    root.put("command", "status");
    root.put("campaign", campaignId);
    root.put("channel", channel);
    root.put("journal", journal);
    Map<String, Integer> counts = zeroCounts();
    ArrayNode letters = root.putArray("letters");
    for (StatusRow r : rows) {
      String state = r.inOutbox() ? "in-outbox" : state(r.status(), channel);
      counts.merge(state, 1, Integer::sum);
      ObjectNode n = letters.addObject();
      n.put("id", r.missionId());
      n.put("mission", r.missionId());
      n.put("state", state);
      n.put("attempts", r.status().map(LetterStatus::attempts).orElse(0));
      r.status().flatMap(LetterStatus::messageId).ifPresent(m -> n.put("messageId", m));
      r.status().flatMap(LetterStatus::detail).ifPresent(d -> n.put("detail", d));
      r.status().ifPresent(s -> n.put("at", s.at().toString()));
      Outcomes.json(n.putArray("after"), outcomes.getOrDefault(r.missionId(), List.of()));
    }
    putCounts(root, counts);
    return write(root);
  }

  /** A campaign that validates: the letters a run would make, each {@code pending}, and how each goes. */
  static String valid(String campaignId, String channel, String language, List<DiplomaticMission> missions,
      long coSignatories) {
    ObjectNode root = Missions.JSON.createObjectNode();
    root.put("command", "validate");
    root.put("valid", true);
    root.put("campaign", campaignId);
    root.put("channel", channel);
    root.put("language", language);
    root.put("coSignatories", coSignatories);
    root.putArray("problems");
    ArrayNode letters = root.putArray("letters");
    for (DiplomaticMission m : missions) {
      ObjectNode n = letters.addObject();
      n.put("id", m.id());
      n.put("mission", m.id());
      n.put("state", "pending");
      n.put("route", m.email().isPresent() ? "email" : "post");
    }
    return write(root);
  }

  /** A campaign that does not validate: every problem, located. */
  static String invalid(List<Problem> problems) {
    ObjectNode root = Missions.JSON.createObjectNode();
    root.put("command", "validate");
    root.put("valid", false);
    ArrayNode list = root.putArray("problems");
    for (Problem p : problems) {
      ObjectNode n = list.addObject();
      n.put("file", p.location().file());
      n.put("line", p.location().line());
      n.put("column", p.location().column());
      n.put("field", p.field());
      n.put("message", p.message());
    }
    root.putArray("letters");
    return write(root);
  }

  private static Map<String, Integer> zeroCounts() {
    Map<String, Integer> counts = new TreeMap<>((a, b) -> STATES.indexOf(a) - STATES.indexOf(b));
    STATES.forEach(s -> counts.put(s, 0));
    return counts;
  }

  private static void putCounts(ObjectNode root, Map<String, Integer> counts) {
    ObjectNode c = root.putObject("counts");
    counts.forEach(c::put);
  }

  private static String write(ObjectNode root) {
    try {
      return Missions.JSON.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }
}
