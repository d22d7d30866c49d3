package dev.winback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class IsoTimesTest {
  @Property(tries = 2000)
  void readsEveryInstantAsTheGeneralParserDoes(@ForAll("instants") Instant instant) {
    String text = instant.toString();

    assertThat(IsoTimes.parseInstant(text)).isEqualTo(Instant.parse(text));
  }

  @Property(tries = 2000)
  void writesEveryInstantAsInstantToStringDoes(@ForAll("instants") Instant instant)
      throws Exception {
    assertThat(IsoTimes.formatInstant(instant)).isEqualTo(instant.toString());
    assertThat(Json.STORED.writeValueAsString(instant))
        .isEqualTo(Json.MAPPER.writeValueAsString(instant));
  }

  @Test
  void writesInstantsOutsideFourDigitYearsAsTheGeneralFormatterDoes() throws Exception {
    Instant far = Instant.parse("+12026-11-22T13:31:02Z");
    Instant before = Instant.parse("-0001-12-31T23:59:59.5Z");

    assertThat(IsoTimes.formatInstant(far)).isNull();
    assertThat(IsoTimes.formatInstant(before)).isNull();
    assertThat(Json.STORED.writeValueAsString(far)).isEqualTo(Json.MAPPER.writeValueAsString(far));
    assertThat(Json.STORED.writeValueAsString(before))
        .isEqualTo(Json.MAPPER.writeValueAsString(before));
  }

  @Property(tries = 2000)
  void readsEveryWholeHourMinuteOrSecondDurationAsTheGeneralParserDoes(
      @ForAll("durations") Duration duration) {
    String text = duration.toString();

    assertThat(IsoTimes.parseDuration(text)).isEqualTo(Duration.parse(text));
  }

  @Property(tries = 3000)
  void neverReadsAnInstantTheGeneralParserReadsDifferentlyOrRejects(
      @ForAll("nearlyInstants") String text) {
    Instant fast = IsoTimes.parseInstant(text);
    if (fast != null) {
      assertThat(fast).isEqualTo(Instant.parse(text));
    }
  }

  @Property(tries = 3000)
  void neverReadsADurationTheGeneralParserReadsDifferentlyOrRejects(
      @ForAll("nearlyDurations") String text) {
    Duration fast = IsoTimes.parseDuration(text);
    if (fast != null) {
      assertThat(fast).isEqualTo(Duration.parse(text));
    }
  }

  @Test
  void leavesOtherFormsAndInvalidDatesToTheGeneralParser() {
    assertThat(IsoTimes.parseInstant("2026-02-30T00:00:00Z")).isNull();
    assertThat(IsoTimes.parseInstant("2026-11-22T24:00:00Z")).isNull();
    assertThat(IsoTimes.parseInstant("2026-11-22T13:31:02.Z")).isNull();
    assertThat(IsoTimes.parseInstant("2026-11-22T13:31:02+01:00")).isNull();
    assertThat(IsoTimes.parseInstant("+12026-11-22T13:31:02Z")).isNull();
    assertThat(IsoTimes.parseDuration("P1D")).isNull();
    assertThat(IsoTimes.parseDuration("PT1H30M")).isNull();
    assertThat(IsoTimes.parseDuration("PT0.5S")).isNull();
    assertThat(IsoTimes.parseDuration("PT-H")).isNull();
  }

  @Test
  void theStoreMapperStillRejectsWhatTheGeneralParserRejects() {
    assertThatThrownBy(() -> Json.STORED.readValue("\"2026-02-30T00:00:00Z\"", Instant.class))
        .isInstanceOf(InvalidFormatException.class);
    assertThatThrownBy(() -> Json.STORED.readValue("\"PT1X\"", Duration.class))
        .isInstanceOf(InvalidFormatException.class);
  }

  @Test
  void theStoreMapperReadsTheFastAndTheGeneralFormsAlike() throws Exception {
    assertThat(Json.STORED.readValue("\"2026-11-22T13:31:02.962985617Z\"", Instant.class))
        .isEqualTo(Instant.parse("2026-11-22T13:31:02.962985617Z"));
    assertThat(Json.STORED.readValue("\"P2DT3H\"", Duration.class)).isEqualTo(Duration.ofHours(51));
    assertThat(Json.STORED.readValue("1700000000.5", Instant.class))
        .isEqualTo(Instant.ofEpochSecond(1700000000, 500_000_000));
    assertThat(Json.STORED.readValue("\"PT-720H\"", Duration.class))
        .isEqualTo(Duration.ofHours(-720));
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Arbitraries.longs()
        .between(
            Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
            Instant.parse("9999-12-31T23:59:59Z").getEpochSecond())
        .flatMap(seconds -> Arbitraries.oneOf(
                Arbitraries.just(0),
                Arbitraries.integers().between(0, 999_999_999),
                Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000),
                Arbitraries.integers().between(0, 999_999).map(us -> us * 1_000))
            .map(nanos -> Instant.ofEpochSecond(seconds, nanos)));
  }

  @Provide
  Arbitrary<Duration> durations() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(-999_999_999L, 999_999_999L).map(Duration::ofHours),
        Arbitraries.longs().between(-59, 59).map(Duration::ofMinutes),
        Arbitraries.longs().between(-59, 59).map(Duration::ofSeconds));
  }

  @Provide
  Arbitrary<String> nearlyInstants() {
    return instants()
        .map(Instant::toString)
        .flatMap(text -> Arbitraries.integers()
            .between(0, text.length() - 1)
            .flatMap(at -> Arbitraries.of('0', '9', '-', ':', '.', 'T', 'Z', 'x', '5', '3')
                .map(c -> text.substring(0, at) + c + text.substring(at + 1))));
  }

  @Provide
  Arbitrary<String> nearlyDurations() {
    return durations()
        .map(Duration::toString)
        .flatMap(text -> Arbitraries.integers()
            .between(0, text.length() - 1)
            .flatMap(at -> Arbitraries.of('0', '9', '-', 'P', 'T', 'H', 'M', 'S', 'D', '.')
                .map(c -> text.substring(0, at) + c + text.substring(at + 1))));
  }
}
