package dev.winback.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes the times WinBack stores, {@code 2026-11-22T13:31:02.962985617Z} and {@code PT72H}, without the
 * general ISO-8601 formatters, which took most of the time of reading a stored plan. Anything else (other forms,
 * numbers, invalid values) goes to Jackson's own readers, so what is accepted and every error stay the same; what is
 * written is exactly what {@link Instant#toString()} writes. For WinBack's own types only (it ignores
 * {@code @JsonFormat}). Not API.
 */
public final class IsoTimes {
  private IsoTimes() {}

  /**
   * A module that puts the fast readers in front of the mapper's own readers of instants and durations (those of
   * {@code JavaTimeModule}), which they fall back to, and writes instants in the form {@link Instant#toString()}
   * gives.
   *
   * @return the module
   */
  public static SimpleModule module() {
    SimpleModule module = new SimpleModule("winback-iso-times");
    module.addSerializer(Instant.class, new InstantWriter());
    module.setDeserializerModifier(new BeanDeserializerModifier() {
      @Override
      public JsonDeserializer<?> modifyDeserializer(
          DeserializationConfig config, BeanDescription description, JsonDeserializer<?> general) {
        Class<?> type = description.getBeanClass();
        return type == Instant.class
            ? new FastReader(general, Time.INSTANT)
            : type == Duration.class ? new FastReader(general, Time.DURATION) : general;
      }
    });
    return module;
  }

  /**
   * The instant a string of the form {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} with a four-digit year stands for.
   *
   * @param text the text
   * @return the instant, or null when the text has another form or is not a valid time
   */
  static @Nullable Instant parseInstant(String text) {
    int n = text.length();
    if (n < 20
        || n > 30
        || text.charAt(n - 1) != 'Z'
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if ((year | month | day | hour | minute | second) < 0
        || hour > 23
        || minute > 59
        || second > 59) {
      return null;
    }
    int nanos = 0;
    if (n > 20) {
      int fraction = n - 21; // between the '.' and the 'Z'
      if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
        return null;
      }
      nanos = digits(text, 20, fraction);
      if (nanos < 0) {
        return null;
      }
      for (int i = fraction; i < 9; i++) {
        nanos *= 10;
      }
    }
    try {
      long epochDay = LocalDate.of(year, month, day).toEpochDay();
      return Instant.ofEpochSecond(
          epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    } catch (DateTimeException e) {
      return null; // such as February 30th: the general parser reports it
    }
  }

  /**
   * The duration a string of the form {@code PT[-]nH}, {@code PT[-]nM} or {@code PT[-]nS} stands for, with up to nine
   * digits.
   *
   * @param text the text
   * @return the duration, or null when the text has another form
   */
  static @Nullable Duration parseDuration(String text) {
    int n = text.length();
    if (n < 4 || n > 13 || text.charAt(0) != 'P' || text.charAt(1) != 'T') {
      return null;
    }
    boolean negative = text.charAt(2) == '-';
    int start = negative ? 3 : 2;
    long amount = digits(text, start, n - 1 - start);
    if (n - 1 - start < 1 || amount < 0) {
      return null;
    }
    amount = negative ? -amount : amount;
    return switch (text.charAt(n - 1)) {
      case 'H' -> Duration.ofHours(amount);
      case 'M' -> Duration.ofMinutes(amount);
      case 'S' -> Duration.ofSeconds(amount);
      default -> null;
    };
  }

  /**
   * The text {@link Instant#toString()} gives for an instant in the years 0 to 9999.
   *
   * @param instant the instant
   * @return the text, or null for an instant outside those years
   */
  static @Nullable String formatInstant(Instant instant) {
    long seconds = instant.getEpochSecond();
    long epochDay = Math.floorDiv(seconds, 86_400);
    if (epochDay < MIN_EPOCH_DAY || epochDay > MAX_EPOCH_DAY) {
      return null;
    }
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    int secondOfDay = (int) Math.floorMod(seconds, 86_400);
    int nanos = instant.getNano();
    int fraction = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
    char[] text = new char[20 + (fraction == 0 ? 0 : fraction + 1)];
    put(text, 0, date.getYear(), 4);
    text[4] = '-';
    put(text, 5, date.getMonthValue(), 2);
    text[7] = '-';
    put(text, 8, date.getDayOfMonth(), 2);
    text[10] = 'T';
    put(text, 11, secondOfDay / 3_600, 2);
    text[13] = ':';
    put(text, 14, secondOfDay / 60 % 60, 2);
    text[16] = ':';
    put(text, 17, secondOfDay % 60, 2);
    if (fraction > 0) {
      text[19] = '.';
      put(
          text,
          20,
          fraction == 3 ? nanos / 1_000_000 : fraction == 6 ? nanos / 1_000 : nanos,
          fraction);
    }
    text[text.length - 1] = 'Z';
    return new String(text);
  }

  private static final long MIN_EPOCH_DAY = LocalDate.of(0, 1, 1).toEpochDay();
  private static final long MAX_EPOCH_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

  /** Writes {@code value} as {@code width} decimal digits, with leading zeros, at {@code at}. */
  private static void put(char[] text, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /** The value of {@code count} (at most nine) decimal digits from {@code from}, or -1 when one is not a digit. */
  private static int digits(String text, int from, int count) {
    if (count < 1 || count > 9) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < from + count; i++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  /** Writes an instant as {@link Instant#toString()} does. */
  private static final class InstantWriter extends StdSerializer<Instant> {
    private static final long serialVersionUID = 1L;

    InstantWriter() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      if (provider.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)) {
        InstantSerializer.INSTANCE.serialize(value, generator, provider);
        return;
      }
      String text = formatInstant(value);
      generator.writeString(text != null ? text : value.toString());
    }
  }

  /** The times with a fast form. */
  private enum Time {
    INSTANT,
    DURATION;

    @Nullable
    Object parse(String text) {
      return this == INSTANT ? parseInstant(text) : parseDuration(text);
    }
  }

  /** Reads the fast form of a time, and hands anything else to the mapper's own reader. */
  private static final class FastReader extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;
    private final Time time;

    FastReader(JsonDeserializer<?> general, Time time) {
      super(general);
      this.time = time;
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> general) {
      return new FastReader(general, time);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        Object fast = time.parse(p.getText());
        if (fast != null) {
          return fast;
        }
      }
      return _delegatee.deserialize(p, ctxt);
    }
  }
}
