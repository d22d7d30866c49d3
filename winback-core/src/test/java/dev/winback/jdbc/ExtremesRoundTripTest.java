package dev.winback.jdbc;

import static dev.winback.testing.Customers.LOST_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winback.InvalidInputException;
import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.WinBackJson;
import dev.winback.model.BudgetCycle;
import dev.winback.model.Channel;
import dev.winback.model.ChurnSignal;
import dev.winback.model.Consent;
import dev.winback.model.ContactPoint;
import dev.winback.model.CustomerValue;
import dev.winback.model.EventType;
import dev.winback.model.ExitCategory;
import dev.winback.model.ExitReason;
import dev.winback.model.ExitTerms;
import dev.winback.model.Feedback;
import dev.winback.model.JournalEvent;
import dev.winback.model.Limits;
import dev.winback.model.LostCustomer;
import dev.winback.model.NewArrangement;
import dev.winback.model.PlanStep;
import dev.winback.model.ReasonSource;
import dev.winback.model.StepKind;
import dev.winback.model.StepStatus;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.PlanStore;
import dev.winback.spi.StepResult;
import dev.winback.testing.Customers;
import dev.winback.testing.Databases;
import dev.winback.testing.PooledDataSource;
import dev.winback.testing.Recorder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The extremes of {@link Limits} (longest texts, largest amounts, boundary instants, ids of emoji, combining marks
 * and astral characters at their longest) are written and read back unchanged through the JDBC store on H2 and on
 * PostgreSQL, by the store's own API and by the engine; values beyond the limits are refused before anything is
 * written.
 */
class ExtremesRoundTripTest {
  private static final BigDecimal LARGEST = new BigDecimal("999999999999999.9999");

  /** A text of exactly {@code length} UTF-16 code units mixing astral characters, combining marks, quotes. */
  static String odd(int length, boolean lineBreaks) {
    StringBuilder text = new StringBuilder(length);
    String[] pieces = {"😀", "e\u0301", "𠀀", "\"\\", "ß", lineBreaks ? "\r\n" : "é", "👍🏽", "'"};
    for (int i = 0; text.length() < length; i++) {
      String piece = pieces[i % pieces.length];
      text.append(text.length() + piece.length() <= length ? piece : "x");
    }
    return text.toString();
  }

  private static PooledDataSource database(String kind) {
    return kind.equals("H2") ? Databases.newH2() : Databases.newPostgres();
  }

  /** A customer with every text at its longest, every collection full, the largest amounts, boundary instants. */
  static LostCustomer extremeCustomer(String id) {
    LostCustomer.Builder customer = LostCustomer.builder()
        .id(id)
        .displayName(odd(Limits.MAX_NAME_LENGTH, false))
        .addContactPoint(ContactPoint.of(
            Channel.EMAIL,
            "x".repeat(Limits.MAX_ADDRESS_LENGTH - "@example.com".length()) + "@example.com",
            Consent.GRANTED))
        .segment(odd(Limits.MAX_NAME_LENGTH, false))
        .locale(Locale.forLanguageTag("fr-CA"))
        .timeZone(ZoneId.of("Pacific/Kiritimati"))
        .customerSince(Limits.EARLIEST)
        .lostAt(LOST_AT)
        .churnSignal(ChurnSignal.SUBSCRIPTION_CANCELLED)
        .value(CustomerValue.builder()
            .monthlyRevenue(LARGEST)
            .lifetimeRevenue(new BigDecimal("0.0001"))
            .currency(Currency.getInstance("EUR"))
            .build())
        .budgetCycle(BudgetCycle.builder()
            .budgetYearStarts(Month.APRIL)
            .annualBudget(LARGEST)
            .build())
        .newArrangement(NewArrangement.builder()
            .competitor(odd(Limits.MAX_NAME_LENGTH, false))
            .contractEnds(LocalDate.of(9999, 12, 31))
            .build())
        .exitTerms(ExitTerms.builder()
            .comeBackLink(odd(Limits.MAX_DESCRIPTION_LENGTH, false))
            .addAllKeeps(IntStream.range(0, Limits.MAX_ITEMS)
                .mapToObj(i -> odd(Limits.MAX_DESCRIPTION_LENGTH, true))
                .toList())
            .build());
    IntStream.range(1, Limits.MAX_ITEMS)
        .forEach(i -> customer.addContactPoint(ContactPoint.of(
            Channel.POST, odd(Limits.MAX_ADDRESS_LENGTH - 4, true) + i, Consent.GRANTED)));
    IntStream.range(0, Limits.MAX_ITEMS)
        .forEach(i -> customer.addTag(odd(Limits.MAX_NAME_LENGTH - 3, false) + i));
    IntStream.range(0, Limits.MAX_ITEMS)
        .forEach(i -> customer.putAttribute(
            odd(Limits.MAX_NAME_LENGTH - 3, false) + i, odd(Limits.MAX_DESCRIPTION_LENGTH, true)));
    customer.addExitReason(ExitReason.builder()
        .category(ExitCategory.SERVICE_FAILURE)
        .source(ReasonSource.LETTER)
        .recordedAt(Limits.LATEST)
        .verbatim(odd(Limits.MAX_TEXT_LENGTH, true))
        .build());
    IntStream.range(2, Limits.MAX_ITEMS)
        .forEach(i -> customer.addExitReason(
            ExitReason.of(ExitCategory.PRICE, ReasonSource.SURVEY, Limits.EARLIEST)));
    return customer.build();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"H2", "PostgreSQL"})
  void theExtremesAreWrittenAndReadBackUnchangedThroughThePlanStore(String kind) {
    PooledDataSource database = database(kind);
    PlanStore store = JdbcPlanStore.create(database).migrate();
    String id = LimitsTestIds.longest();
    LostCustomer customer = extremeCustomer(id);
    String planId = id + "@" + Limits.LATEST;
    WinBackPlan plan = WinBackPlan.builder()
        .id(planId)
        .customer(customer)
        .playbook(odd(Limits.MAX_NAME_LENGTH, false))
        .rule(odd(Limits.MAX_NAME_LENGTH, false))
        .rationale(odd(Limits.MAX_PLAN_RATIONALE_LENGTH, true))
        .startedAt(Limits.EARLIEST)
        .addStep(PlanStep.builder()
            .index(0)
            .kind(StepKind.APOLOGY)
            .channel(Channel.EMAIL)
            .dueAt(Limits.LATEST)
            .offset(Limits.LONGEST)
            .message(odd(Limits.MAX_TEXT_LENGTH, true))
            .build())
        .experiment(odd(Limits.MAX_NAME_LENGTH, false))
        .arm(odd(Limits.MAX_NAME_LENGTH, false))
        .build();
    JournalEvent event = JournalEvent.builder()
        .customerId(id)
        .planId(planId)
        .at(Limits.LATEST)
        .type(EventType.PLAN_STARTED)
        .detail(odd(Limits.MAX_DETAIL_LENGTH, true))
        .build();
    JournalEvent quotes = JournalEvent.builder()
        .from(event)
        .at(Limits.EARLIEST)
        .detail("\"".repeat(Limits.MAX_DETAIL_LENGTH))
        .build();

    store.insertIfAbsent(plan, List.of(event, quotes));

    PlanStore reader = JdbcPlanStore.create(database);
    assertThat(reader.find(planId)).contains(plan);
    assertThat(reader.latestPlan(id)).contains(plan);
    assertThat(reader.plans(id)).containsExactly(plan);
    assertThat(reader.journal(id)).containsExactly(event, quotes);
    assertThat(reader.customerIds("", 10)).containsExactly(id);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"H2", "PostgreSQL"})
  void theEngineRunsACustomerAtTheLimitsAndWhatItStoresReadsBack(String kind) {
    PooledDataSource database = database(kind);
    ManualClock clock =
        ManualClock.at(LOST_AT.plus(Duration.ofHours(22))); // 21:00 in Kiritimati: not quiet hours
    String huge = "😀\u0000\uD800" + "r".repeat(200_000);
    Recorder host = new Recorder().answering(context -> switch (context.step().kind()) {
      case APOLOGY -> StepResult.skipped(huge);
      case FEEDBACK_REQUEST, THANK_YOU -> StepResult.sent(huge);
      default -> StepResult.failed(huge);
    });
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .store(JdbcPlanStore.create(database).migrate())
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
    String id = LimitsTestIds.longest();

    winBack.start(extremeCustomer(id));
    for (int day = 0; day < 40; day++) {
      winBack.runDue();
      clock.advance(Duration.ofDays(1));
    }
    winBack.recordFeedback(
        id, Feedback.of(odd(Limits.MAX_TEXT_LENGTH, true), ReasonSource.LETTER, clock.instant()));
    winBack.recordConsent(id, Channel.SMS, Consent.GRANTED, odd(Limits.MAX_NAME_LENGTH, false));
    winBack.runDue();

    WinBackPlan plan = winBack.plan(id).orElseThrow();
    PlanStore reader = JdbcPlanStore.create(database);
    assertThat(reader.latestPlan(id)).contains(plan);
    assertThat(reader.journal(id)).isEqualTo(winBack.history(id)).hasSizeGreaterThan(5);
    assertThat(plan.customer().exitReasons()).hasSize(Limits.MAX_ITEMS);
    assertThat(plan.steps())
        .filteredOn(step -> step.status() == StepStatus.FAILED)
        .isNotEmpty();
    assertThat(
            plan.steps()) // skipped by the host, whose reason is cut short (not an offer too small
        // to make)
        .filteredOn(step -> step.status() == StepStatus.SKIPPED && step.attempts() > 0)
        .isNotEmpty()
        .allSatisfy(
            step -> assertThat(step.outcome().orElseThrow()).endsWith(Limits.TRUNCATION_MARKER));
    assertThat(winBack.history(id))
        .extracting(JournalEvent::detail)
        .anySatisfy(detail -> assertThat(detail).contains("reference 😀\uFFFD\uFFFDrrr"))
        .allSatisfy(
            detail -> assertThat(detail).hasSizeLessThanOrEqualTo(Limits.MAX_DETAIL_LENGTH));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"H2", "PostgreSQL"})
  void valuesBeyondTheLimitsAreRefusedBeforeAnythingIsWritten(String kind) {
    PooledDataSource database = database(kind);
    JdbcPlanStore store = JdbcPlanStore.create(database).migrate();
    WinBack winBack = WinBack.builder()
        .clock(ManualClock.at(LOST_AT))
        .store(store)
        .feedback(new Recorder())
        .apology(new Recorder())
        .incentives(new Recorder())
        .reEngagement(new Recorder())
        .build();
    String beyond = """
        {"id": "%s", "displayName": "%s", "lostAt": "1899-12-31T23:59:59Z", "churnSignal": "OTHER",
         "contactPoints": [{"channel": "EMAIL", "address": "a@example.com"}, {"channel": "POST", "address": "%s"}],
         "value": {"monthlyRevenue": 1e51, "lifetimeRevenue": 0.1000000000000000055511151231257827, "currency": "EUR"},
         "attributes": {"note": "%s"}}
        """.formatted(
            "i".repeat(Limits.MAX_ID_LENGTH + 1),
            "n".repeat(99_999),
            "a".repeat(Limits.MAX_ADDRESS_LENGTH + 1),
            "v".repeat(Limits.MAX_DESCRIPTION_LENGTH + 1));

    assertThatThrownBy(() -> winBack.start(WinBackJson.read(beyond, LostCustomer.class)))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).problems())
            .extracting(p -> p.path())
            .contains(
                "id",
                "displayName",
                "lostAt",
                "contactPoints[1].address",
                "value.monthlyRevenue",
                "value.lifetimeRevenue",
                "attributes.note"));
    assertThat(store.customerIds("", 10)).isEmpty();

    winBack.start(Customers.lost("a?").build()); // where PostgreSQL would have put "a\uD800"
    assertThatThrownBy(() -> winBack.start(Customers.lost("c").id("a\uD800").build()))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> winBack.optOut("a\uD800")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> winBack.recordConsent(
            "a?", Channel.EMAIL, Consent.WITHDRAWN, "s".repeat(Limits.MAX_NAME_LENGTH + 1)))
        .isInstanceOf(InvalidInputException.class);
    assertThat(store.customerIds("", 10)).containsExactly("a?");
    assertThat(store.plans("a?"))
        .singleElement()
        .satisfies(plan -> assertThat(plan.version()).isZero());
    assertThat(store.journal("a?")).hasSize(1);
  }

  /** Ids at their longest, of emoji, combining marks and astral characters. */
  static final class LimitsTestIds {
    private LimitsTestIds() {}

    static String longest() {
      String id = odd(Limits.MAX_ID_LENGTH, false);
      assertThat(id).hasSize(Limits.MAX_ID_LENGTH).contains("😀", "e\u0301", "𠀀");
      return id;
    }
  }
}
