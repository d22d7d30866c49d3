package dev.winback.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.winback.model.Limits;

/** The one configured Jackson mapper. Not API: use {@link dev.winback.WinBackJson}. */
public final class Json {
  /** Maximum nesting of a document WinBack reads: {@link Limits#MAX_JSON_DEPTH}. */
  public static final int MAX_DEPTH = Limits.MAX_JSON_DEPTH;

  /** Maximum length of one string in a document WinBack reads: {@link Limits#MAX_JSON_STRING_LENGTH}. */
  public static final int MAX_STRING_LENGTH = Limits.MAX_JSON_STRING_LENGTH;

  /** The configured mapper; thread-safe once built. */
  public static final ObjectMapper MAPPER = create();

  /**
   * The same mapper for documents of WinBack's own types that WinBack wrote itself, such as its store's rows: it
   * skips the duplicate-key check that guards documents from outside, and reads and writes times in WinBack's
   * canonical forms without the general ISO-8601 formatters.
   */
  public static final ObjectMapper STORED = stored();

  private Json() {}

  private static ObjectMapper stored() {
    ObjectMapper mapper = MAPPER.copy();
    mapper
        .getFactory()
        .disable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper.registerModule(IsoTimes.module());
    return mapper;
  }

  private static ObjectMapper create() {
    JsonMapper mapper = JsonMapper.builder()
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .defaultPropertyInclusion(JsonInclude.Value.construct(
            JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_ABSENT))
        .build();
    mapper
        .getFactory()
        .setStreamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNumberLength(Limits.MAX_JSON_NUMBER_LENGTH)
            .build());
    mapper
        .getFactory()
        .configure(
            com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);
    return mapper;
  }
}
