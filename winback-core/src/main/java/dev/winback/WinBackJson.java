package dev.winback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.internal.Json;
import dev.winback.internal.JsonShape;
import dev.winback.model.Limits;
import java.util.List;

/**
 * Reads and writes WinBack's values as JSON: ISO-8601 dates and durations, exact decimal money, absent optionals
 * left out. Reading checks the whole document first and fails with one {@link InvalidInputException} that names
 * every problem with its field path (missing fields, unknown fields, unknown enum values, malformed values).
 *
 * <p>Input is treated as untrusted: documents longer than {@link #MAX_DOCUMENT_LENGTH} characters, nested deeper
 * than 32 levels, with strings over 100,000 characters or numbers over 50 characters are refused before binding (see
 * {@link Limits}); every value read is then checked against the same {@link Limits} as values built in Java (ids,
 * texts, amounts, times), so whatever WinBack writes it can read back; no type information from the input is ever
 * used to choose a class (no polymorphic deserialisation); unknown fields are refused unless
 * {@link UnknownFields#IGNORE} is asked for. Every failure is an {@link InvalidInputException}.
 *
 * <p>Thread-safe; all methods are static.
 */
public final class WinBackJson {
  /** The longest JSON document WinBack reads, in characters: {@link Limits#MAX_JSON_DOCUMENT_LENGTH}. */
  public static final int MAX_DOCUMENT_LENGTH = Limits.MAX_JSON_DOCUMENT_LENGTH;

  /** What to do with fields a type does not know. */
  public enum UnknownFields {
    /** Refuse the document, naming each unknown field (the default). */
    REJECT,
    /** Drop unknown fields silently, e.g. for documents written by a newer version. */
    IGNORE
  }

  private WinBackJson() {}

  /**
   * Writes a value as JSON.
   *
   * @param value a value from {@code dev.winback.model}
   * @return the JSON text
   */
  public static String write(Object value) {
    try {
      return Json.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /**
   * Reads a value from JSON, checking the whole document first.
   *
   * @param json the JSON text
   * @param type the value type, e.g. {@code LostCustomer.class}
   * @param <T> the value type
   * @return the value
   * @throws InvalidInputException naming every problem found, with its field path
   */
  public static <T> T read(String json, Class<T> type) {
    return read(json, type, UnknownFields.REJECT);
  }

  /**
   * Reads a value from JSON, checking the whole document first, with a policy for unknown fields.
   *
   * @param json the JSON text
   * @param type the value type
   * @param unknownFields whether to refuse or drop fields the type does not know
   * @param <T> the value type
   * @return the value
   * @throws InvalidInputException naming every problem found, with its field path
   */
  public static <T> T read(String json, Class<T> type, UnknownFields unknownFields) {
    return JsonShape.bind(
        parse(json, type.getSimpleName()), type, unknownFields == UnknownFields.IGNORE);
  }

  /**
   * Reads a JSON array of values, checking every element first.
   *
   * @param json the JSON text, an array
   * @param type the element type, e.g. {@code LostCustomer.class}
   * @param <T> the element type
   * @return the values, in order
   * @throws InvalidInputException naming every problem in every element, with paths such as {@code [3].id}
   */
  public static <T> List<T> readList(String json, Class<T> type) {
    return JsonShape.bindList(parse(json, "list of " + type.getSimpleName()), type);
  }

  private static JsonNode parse(String json, String subject) {
    if (json == null) {
      throw new InvalidInputException(subject, List.of(new Problem("", "is missing")));
    }
    if (json.length() > MAX_DOCUMENT_LENGTH) {
      throw new InvalidInputException(
          subject,
          List.of(new Problem("", "is longer than " + MAX_DOCUMENT_LENGTH + " characters")));
    }
    JsonNode tree;
    try {
      tree = Json.MAPPER.readTree(json);
    } catch (StreamConstraintsException e) {
      throw new InvalidInputException(
          subject,
          List.of(new Problem(
              "",
              "exceeds the input limits (nesting at most "
                  + Limits.MAX_JSON_DEPTH + " levels, strings at most "
                  + Limits.MAX_JSON_STRING_LENGTH
                  + " characters, numbers at most " + Limits.MAX_JSON_NUMBER_LENGTH
                  + " characters)")));
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null
          ? ""
          : " (line " + e.getLocation().getLineNr() + ", column "
              + e.getLocation().getColumnNr() + ")";
      throw new InvalidInputException(
          subject, List.of(new Problem("", "is not well-formed JSON" + where)));
    } catch (RuntimeException e) {
      throw new InvalidInputException(subject, List.of(new Problem("", "is not well-formed JSON")));
    }
    if (tree == null || tree.isMissingNode()) {
      throw new InvalidInputException(subject, List.of(new Problem("", "is empty")));
    }
    return tree;
  }

  /**
   * A copy of the object mapper WinBack uses, for hosts that embed WinBack values in their own JSON.
   *
   * @return a new mapper configured like WinBack's
   */
  public static ObjectMapper mapper() {
    return Json.MAPPER.copy();
  }
}
