package dev.winback.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.winback.InvalidInputException;
import dev.winback.Problem;
import dev.winback.model.Limits;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a JSON tree against the shape of a model type before binding it, collecting every problem with its field
 * path instead of stopping at the first. Not API: use {@link dev.winback.WinBackJson}.
 */
public final class JsonShape {
  private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

  private JsonShape() {}

  /** The JSON properties of a model type and which of them are required. */
  private record Shape(Map<String, JavaType> properties, Set<String> required) {}

  /**
   * Checks a tree and binds it to a model type.
   *
   * @param tree the parsed document
   * @param type the model type
   * @param <T> the model type
   * @return the bound value
   * @throws InvalidInputException naming every problem found
   */
  public static <T> T bind(JsonNode tree, Class<T> type) {
    return bind(tree, type, false);
  }

  /**
   * Checks a tree and binds it to a model type, optionally dropping fields the type does not know.
   *
   * @param tree the parsed document (unknown fields are removed from it when ignored)
   * @param type the model type
   * @param ignoreUnknown true to drop unknown fields instead of reporting them
   * @param <T> the model type
   * @return the bound value
   * @throws InvalidInputException naming every problem found
   */
  public static <T> T bind(JsonNode tree, Class<T> type, boolean ignoreUnknown) {
    List<Problem> problems = new ArrayList<>();
    check(tree, Json.MAPPER.constructType(type), "", problems, ignoreUnknown);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(type.getSimpleName(), problems);
    }
    try {
      return Json.MAPPER.treeToValue(tree, type);
    } catch (Exception e) {
      throw new InvalidInputException(type.getSimpleName(), problemsOf(e, ""));
    }
  }

  /**
   * Checks a tree that must be an array and binds each element to a model type.
   *
   * @param tree the parsed document
   * @param type the element type
   * @param <T> the element type
   * @return the bound values, in order
   * @throws InvalidInputException naming every problem found in every element
   */
  public static <T> List<T> bindList(JsonNode tree, Class<T> type) {
    String subject = "list of " + type.getSimpleName();
    if (!tree.isArray()) {
      throw new InvalidInputException(subject, List.of(new Problem("", "must be an array")));
    }
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < tree.size(); i++) {
      check(tree.get(i), Json.MAPPER.constructType(type), "[" + i + "]", problems, false);
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(subject, problems);
    }
    List<T> values = new ArrayList<>(tree.size());
    for (int i = 0; i < tree.size(); i++) {
      try {
        values.add(Json.MAPPER.treeToValue(tree.get(i), type));
      } catch (Exception e) {
        throw new InvalidInputException(subject, problemsOf(e, "[" + i + "]"));
      }
    }
    return values;
  }

  private static boolean check(
      JsonNode node, JavaType type, String path, List<Problem> out, boolean ignore) {
    Class<?> raw = type.getRawClass();
    if (raw == Optional.class) {
      return node == null || node.isNull() || check(node, type.containedType(0), path, out, ignore);
    }
    if (node == null || node.isNull()) {
      out.add(new Problem(path, "must not be null"));
      return false;
    }
    if (Collection.class.isAssignableFrom(raw)) {
      if (!node.isArray()) {
        out.add(new Problem(path, "must be an array"));
        return false;
      }
      boolean ok = true;
      for (int i = 0; i < node.size(); i++) {
        ok &= check(node.get(i), type.getContentType(), path + "[" + i + "]", out, ignore);
      }
      return ok;
    }
    if (Map.class.isAssignableFrom(raw)) {
      if (!node.isObject()) {
        out.add(new Problem(path, "must be an object"));
        return false;
      }
      boolean ok = true;
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        ok &=
            check(field.getValue(), type.getContentType(), join(path, field.getKey()), out, ignore);
      }
      return ok;
    }
    if (isModelType(raw)) {
      return checkObject(node, raw, path, out, ignore);
    }
    Object value;
    try {
      value = Json.MAPPER.treeToValue(node, type);
    } catch (Exception e) {
      out.add(new Problem(path, expectation(raw)));
      return false;
    }
    List<String> beyond = Limits.problemsOf(value);
    beyond.forEach(problem -> out.add(new Problem(path, problem)));
    return beyond.isEmpty();
  }

  private static boolean checkObject(
      JsonNode node, Class<?> raw, String path, List<Problem> out, boolean ignore) {
    if (!node.isObject()) {
      out.add(new Problem(path, "must be an object"));
      return false;
    }
    Shape shape = SHAPES.computeIfAbsent(raw, JsonShape::shapeOf);
    boolean ok = true;
    boolean buildable = true;
    List<String> setAside = new ArrayList<>();
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!shape.properties().containsKey(name)) {
        if (ignore) {
          names.remove();
        } else {
          out.add(new Problem(join(path, name), "is not a known field of " + raw.getSimpleName()));
          ok = false;
          setAside.add(name);
        }
      }
    }
    for (String name : shape.required()) {
      JsonNode value = node.get(name);
      if (value == null || value.isNull()) {
        out.add(new Problem(join(path, name), "is required"));
        ok = false;
        buildable = false;
      }
    }
    for (Map.Entry<String, JavaType> property : shape.properties().entrySet()) {
      JsonNode value = node.get(property.getKey());
      if (value != null
          && !(value.isNull() && shape.required().contains(property.getKey()))
          && !check(value, property.getValue(), join(path, property.getKey()), out, ignore)) {
        ok = false;
        if (!shape.required().contains(property.getKey())) {
          setAside.add(property.getKey());
        } else if (!readable(value, property.getValue())) {
          buildable = false;
        }
      }
    }
    if (ok) {
      try {
        Json.MAPPER.treeToValue(node, raw);
      } catch (Exception e) {
        out.addAll(problemsOf(e, path));
        ok = false;
      }
    } else if (buildable) {
      checkWithout(node, raw, setAside, path, out);
    }
    return ok;
  }

  /** Tells whether a value that failed its checks can still be read, such as an instant out of bounds. */
  private static boolean readable(JsonNode value, JavaType type) {
    try {
      Json.MAPPER.treeToValue(value, type);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  /**
   * Checks the rest of an object whose optional or collection fields failed: builds it without them, so that
   * problems of its other fields are named too, leaving out those about the fields set aside and those already
   * named (a required field that is out of bounds but readable stays in).
   */
  private static void checkWithout(
      JsonNode node, Class<?> raw, List<String> setAside, String path, List<Problem> out) {
    com.fasterxml.jackson.databind.node.ObjectNode rest =
        ((com.fasterxml.jackson.databind.node.ObjectNode) node).deepCopy();
    rest.remove(setAside);
    try {
      Json.MAPPER.treeToValue(rest, raw);
    } catch (Exception e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof InvalidInputException invalid) {
          for (Problem problem : invalid.problems()) {
            if (setAside.stream()
                .noneMatch(name -> problem.path().equals(name)
                    || problem.path().startsWith(name + ".")
                    || problem.path().startsWith(name + "["))) {
              Problem named = problem.under(path);
              if (!out.contains(named)) {
                out.add(named);
              }
            }
          }
          return;
        }
      }
    }
  }

  private static List<Problem> problemsOf(Exception e, String path) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InvalidInputException invalid) {
        return invalid.problems().stream().map(p -> p.under(path)).toList();
      }
    }
    return List.of(new Problem(path, "cannot be read: " + e.getClass().getSimpleName()));
  }

  private static boolean isModelType(Class<?> raw) {
    return raw.isAnnotationPresent(JsonDeserialize.class)
        && raw.getPackageName().equals("dev.winback.model");
  }

  private static Shape shapeOf(Class<?> modelType) {
    String jsonClassName =
        modelType.getPackageName() + ".Immutable" + modelType.getSimpleName() + "$Json";
    Map<String, JavaType> properties = new LinkedHashMap<>();
    try {
      Method[] methods =
          Class.forName(jsonClassName, false, modelType.getClassLoader()).getDeclaredMethods();
      Arrays.sort(methods, (a, b) -> a.getName().compareTo(b.getName()));
      for (Method method : methods) {
        JsonProperty property = method.getAnnotation(JsonProperty.class);
        if (property != null && method.getParameterCount() == 1) {
          properties.put(
              property.value(),
              Json.MAPPER.getTypeFactory().constructType(method.getGenericParameterTypes()[0]));
        }
      }
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("No JSON binding generated for " + modelType.getName(), e);
    }
    return new Shape(properties, requiredOf(modelType));
  }

  /**
   * The attributes a model type cannot do without: its abstract accessors that are neither optional nor a
   * collection (those have a default, as have the accessors with a body).
   */
  private static Set<String> requiredOf(Class<?> modelType) {
    Set<String> required = new TreeSet<>();
    for (Method method : modelType.getDeclaredMethods()) {
      Class<?> type = method.getReturnType();
      if (Modifier.isAbstract(method.getModifiers())
          && method.getParameterCount() == 0
          && type != Optional.class
          && !Collection.class.isAssignableFrom(type)
          && !Map.class.isAssignableFrom(type)) {
        required.add(method.getName());
      }
    }
    return required;
  }

  private static String expectation(Class<?> raw) {
    if (raw.isEnum()) {
      return "must be one of " + Arrays.toString(raw.getEnumConstants());
    }
    if (raw == Instant.class) {
      return "must be an ISO-8601 instant such as 2026-01-31T09:00:00Z";
    }
    if (raw == LocalDate.class) {
      return "must be an ISO-8601 date such as 2026-01-31";
    }
    if (raw == Duration.class) {
      return "must be an ISO-8601 duration such as PT1H or PT504H";
    }
    if (raw == Period.class) {
      return "must be an ISO-8601 period such as P3M";
    }
    if (raw == Currency.class) {
      return "must be an ISO 4217 currency code such as EUR";
    }
    if (raw == ZoneId.class) {
      return "must be a time-zone id such as Europe/Paris";
    }
    if (raw == BigDecimal.class) {
      return "must be a number";
    }
    if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
      return "must be a whole number";
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return "must be true or false";
    }
    if (raw == String.class) {
      return "must be a string";
    }
    return "is not a valid " + raw.getSimpleName();
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
