package org.demarche.core.model;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Binds a {@link Settings} section to a plugin's settings record; see {@link Settings#bind}. Every problem
 * is collected and located at its key (or at the command-line flag that gave the value).
 */
final class SettingsBinder<R extends Record> {
  private final Settings settings;
  private final Class<R> type;
  private final RecordComponent[] components;
  private final List<Problem> problems = new ArrayList<>();
  /** Keys whose value could not be read: a constructor refusal of their stand-in is not reported again. */
  private final Set<String> unreadable = new HashSet<>();

  private SettingsBinder(Settings settings, Class<R> type) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type.getName() + " is not a record: plugin settings are declared as records");
    }
    this.settings = settings;
    this.type = type;
    this.components = type.getRecordComponents();
  }

  /** The bound record, empty when a problem prevented building it, and every problem found. */
  record Result<R>(Optional<R> value, List<Problem> problems) {}

  static <R extends Record> Result<R> bind(Settings settings, Class<R> type) {
    SettingsBinder<R> binder = new SettingsBinder<>(settings, type);
    binder.refuseUnknownKeys();
    Optional<Object[]> args = binder.arguments();
    Optional<R> value = args.flatMap(binder::construct);
    return new Result<>(binder.problems.isEmpty() ? value : Optional.empty(), List.copyOf(binder.problems));
  }

  private void refuseUnknownKeys() {
    Set<String> known = new TreeSet<>();
    Arrays.stream(components).forEach(c -> known.add(c.getName()));
    for (String key : settings.values().keySet()) {
      if (!known.contains(key)) {
        problems.add(settings.problem(key, "unknown key '" + key + "'; "
            + (known.isEmpty() ? settings.section() + " takes no keys" : "valid keys are " + String.join(", ", known))));
      }
    }
  }

  /** Every component's value; empty when a required one is missing or unreadable. */
  private Optional<Object[]> arguments() {
    Object[] args = new Object[components.length];
    boolean complete = true;
    for (int i = 0; i < components.length; i++) {
      Optional<Object> value = argument(components[i]);
      complete &= value.isPresent();
      args[i] = value.orElse(null);
    }
    return complete ? Optional.of(args) : Optional.empty();
  }

  private Optional<Object> argument(RecordComponent c) {
    String key = c.getName();
    Optional<String> raw = settings.text(key);
    if (c.getType() == Optional.class) {
      Class<?> inner = typeArgument(c);
      return Optional.of(raw.flatMap(v -> read(key, v, inner)));
    }
    if (c.getType() == List.class) {
      Class<?> element = typeArgument(c);
      List<Object> out = new ArrayList<>();
      for (String item : raw.map(v -> v.split(",")).orElse(new String[0])) {
        if (!item.isBlank()) {
          read(key, item, element).ifPresent(out::add);
        }
      }
      return Optional.of(List.copyOf(out));
    }
    if (raw.isEmpty()) {
      problems.add(settings.problem(key, "is missing"));
      return Optional.empty();
    }
    return read(key, raw.get(), c.getType());
  }

  private Class<?> typeArgument(RecordComponent c) {
    Type generic = c.getGenericType();
    if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> inner) {
      return inner;
    }
    throw new IllegalArgumentException(type.getName() + "." + c.getName() + " must name its element type");
  }

  /** One value of {@code target}'s type, or empty with a problem at {@code key}. */
  private Optional<Object> read(String key, String raw, Class<?> target) {
    Function<String, Object> reader = reader(target);
    try {
      return Optional.of(reader.apply(raw.strip()));
    } catch (IllegalArgumentException e) {
      problems.add(settings.problem(key, e.getMessage() + ", not '" + raw + "'"));
      unreadable.add(key);
      return Optional.empty();
    }
  }

  private Function<String, Object> reader(Class<?> target) {
    if (target == String.class) {
      return v -> v;
    }
    if (target == int.class || target == Integer.class) {
      return v -> number(() -> Integer.parseInt(v), "must be a whole number");
    }
    if (target == long.class || target == Long.class) {
      return v -> number(() -> Long.parseLong(v), "must be a whole number");
    }
    if (target == double.class || target == Double.class) {
      return v -> number(() -> finite(Double.parseDouble(v)), "must be a number such as 0.8");
    }
    if (target == boolean.class || target == Boolean.class) {
      return SettingsBinder::bool;
    }
    if (target.isEnum()) {
      return v -> constant(target, v);
    }
    if (target == Path.class) {
      return this::path;
    }
    throw new IllegalArgumentException(type.getName() + " has a component of type " + target.getName()
        + ", which settings cannot hold: use String, int, long, double, boolean, an enum or Path");
  }

  private static Object number(Supplier<Object> parse, String rule) {
    try {
      return parse.get();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(rule);
    }
  }

  private static double finite(double d) {
    if (!Double.isFinite(d)) {
      throw new NumberFormatException();
    }
    return d;
  }

  private static Object bool(String v) {
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(v);
    }
    throw new IllegalArgumentException("must be true or false");
  }

  /** An enum constant written in lower case with hyphens ({@code starttls}, {@code name-only}); any case is read. */
  private static Object constant(Class<?> target, String v) {
    List<String> names = new ArrayList<>();
    for (Object constant : target.getEnumConstants()) {
      String name = ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-');
      if (name.equalsIgnoreCase(v.replace('_', '-'))) {
        return constant;
      }
      names.add(name);
    }
    String last = names.remove(names.size() - 1);
    throw new IllegalArgumentException("must be " + (names.isEmpty() ? "" : String.join(", ", names) + " or ") + last);
  }

  private Object path(String v) {
    if (v.isEmpty()) {
      throw new IllegalArgumentException("must name a file");
    }
    return settings.paths().resolve(v);
  }

  /** Calls the record's constructor; each refusal it gives is located at the key its message names. */
  private Optional<R> construct(Object[] args) {
    try {
      Constructor<R> constructor = type.getDeclaredConstructor(
          Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
      // The record may be package-private in its plugin.
      constructor.setAccessible(true);
      return Optional.of(constructor.newInstance(args));
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof IllegalArgumentException refused) {
        refusal(refused);
        Arrays.stream(refused.getSuppressed()).filter(IllegalArgumentException.class::isInstance)
            .forEach(this::refusal);
        return Optional.empty();
      }
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type.getName() + ": " + e, e);
    }
  }

  private void refusal(Throwable refused) {
    String message = refused.getMessage() == null ? "is not valid" : refused.getMessage();
    Optional<String> key = Arrays.stream(components).map(RecordComponent::getName)
        .filter(name -> message.startsWith(name + " "))
        .max((a, b) -> Integer.compare(a.length(), b.length()));
    if (key.isEmpty()) {
      problems.add(new Problem(settings.sectionLocation(), settings.section(), message));
    } else if (!unreadable.contains(key.get())) {
      problems.add(settings.problem(key.get(), Values.withoutField(message, key.get())));
    }
  }
}
