package org.demarche.core.signatories;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.demarche.core.files.FieldReader;
import org.demarche.core.files.LocatedTree;
import org.demarche.core.model.Disclosure;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;
import org.demarche.core.model.Signatories;
import org.demarche.core.model.Signatory;

/** Signatories written as JSON or YAML objects: a JSON list file, or a list inline in a campaign file. */
final class JsonSignatories {
  private JsonSignatories() {}

  /** Reads a JSON list of signatory objects; see {@link SignatoryImport#read(Path, String, ImportOptions)}. */
  static SignatoryImport.Imported read(Path path, Path salts, String display, Disclosure cap, boolean skipBadRows) {
    List<Problem> problems = new ArrayList<>();
    LocatedTree tree = LocatedTree.read(path, display, problems).orElseThrow(() -> new InvalidInputException(problems));
    if (!tree.root().isArray()) {
      throw new InvalidInputException(new Problem(tree.at(""), "", "a signatory file must be a JSON list of objects"));
    }
    FieldReader r = new FieldReader(tree, problems);
    JsonNode list = tree.root();
    List<Signatory> out = new ArrayList<>();
    DuplicateFinder dups = new DuplicateFinder(display);
    SignatoryTally.Counter counter = new SignatoryTally.Counter();
    for (int i = 0; i < list.size(); i++) {
      Optional<Signatory> s = fromNode(r, "[" + i + "]", list.get(i), cap);
      if (s.isPresent()) {
        out.add(s.get());
        counter.add(s.get());
        Location at = r.at("[" + i + "]");
        dups.add(s.get(), at.line(), at.column(), at.column());
      }
    }
    if (!problems.isEmpty() && !skipBadRows) {
      throw new InvalidInputException(problems);
    }
    CommittedSignatories committed = CommittedSignatories.of(Signatories.of(out), () -> SaltKey.readOrCreate(salts));
    return new SignatoryImport.Imported(committed, new ImportReport(display, list.size(), out.size(),
        list.size() - out.size(), problems, dups.listed(), dups.count(), counter.tally()));
  }

  /** The list at {@code path} of a campaign file; empty, with each bad entry reported, when any is bad. */
  static Optional<Signatories> inline(FieldReader r, String path, Disclosure cap) {
    JsonNode list = r.node(path).orElseThrow();
    List<Signatory> out = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < list.size(); i++) {
      Optional<Signatory> s = fromNode(r, path + "[" + i + "]", list.get(i), cap);
      ok &= s.isPresent();
      s.ifPresent(out::add);
    }
    return ok ? Optional.of(Signatories.of(out)) : Optional.empty();
  }

  private static Optional<Signatory> fromNode(FieldReader r, String p, JsonNode n, Disclosure cap) {
    if (!n.isObject()) {
      r.problem(p, "must be a section with name, kind, city, ... fields");
      return Optional.empty();
    }
    String[] cells = new String[SignatoryFields.COLUMNS.size()];
    Map<String, String> extra = new LinkedHashMap<>();
    n.fields().forEachRemaining(e -> {
      String key = e.getKey().strip();
      String value = e.getValue().isNull() ? "" : e.getValue().asText().strip();
      int k = SignatoryFields.COLUMNS.indexOf(key);
      if (k >= 0) {
        cells[k] = value;
      } else if (!value.isEmpty() && !key.isEmpty()) {
        extra.put(key, value);
      }
    });
    return SignatoryFields.parse(cells, extra, cap,
        (field, message) -> r.problem(p + "." + SignatoryFields.COLUMNS.get(field), message));
  }
}
