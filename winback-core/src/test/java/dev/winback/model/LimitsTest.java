package dev.winback.model;

import static dev.winback.testing.Customers.LOST_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winback.InvalidInputException;
import dev.winback.Problem;
import dev.winback.WinBackJson;
import dev.winback.spi.ContactDecision;
import dev.winback.spi.StepResult;
import dev.winback.testing.Customers;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Currency;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** One test per limit of {@link Limits}: what lies within is accepted, what lies beyond is refused or cut short. */
class LimitsTest {
  /** 255 UTF-16 code units of emoji, combining marks, astral ideographs and quotes. */
  static final String LONGEST_ID = odd(Limits.MAX_ID_LENGTH);

  /** A text of exactly {@code length} UTF-16 code units mixing characters outside the BMP, combining marks, quotes. */
  static String odd(int length) {
    StringBuilder text = new StringBuilder(length);
    String[] pieces = {"😀", "e\u0301", "𠀀", "\"\\", "ß", "👍🏽"};
    for (int i = 0; text.length() < length; i++) {
      String piece = pieces[i % pieces.length];
      text.append(text.length() + piece.length() <= length ? piece : "x");
    }
    return text.toString();
  }

  private static List<Problem> problems(Executable build) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, build::execute);
    assertThat(e).as("refused with InvalidInputException").isNotNull();
    return e.problems();
  }

  private static LostCustomer customer(String id) {
    return Customers.lost("c").id(id).build();
  }

  private static Problem tooLong(String path, int max) {
    return new Problem(path, "must be at most " + max + " characters long");
  }

  // ------------------------------------------------------------------------------------------------ ids

  @Test
  void anIdLongerThanTheLimitIsRefused() {
    assertThat(problems(() -> customer("x".repeat(Limits.MAX_ID_LENGTH + 1))))
        .containsExactly(tooLong("id", Limits.MAX_ID_LENGTH));
  }

  @Test
  void anIdAtTheLimitWithEmojiCombiningMarksAndAstralCharactersIsAccepted() {
    LostCustomer customer = Customers.lost("c").id(LONGEST_ID).build();

    assertThat(customer.id()).hasSize(Limits.MAX_ID_LENGTH);
    assertThat(WinBackJson.read(WinBackJson.write(customer), LostCustomer.class))
        .isEqualTo(customer);
  }

  @Test
  void anIdWithAnUnpairedSurrogateIsRefused() {
    Problem broken =
        new Problem("id", "must not contain an unpaired surrogate (a broken character)");

    assertThat(problems(() -> customer("a\uD800"))).containsExactly(broken);
    assertThat(problems(() -> customer("\uDE00a"))).containsExactly(broken);
    assertThat(problems(() -> customer("😀".substring(1) + "😀".charAt(0))))
        .containsExactly(broken);
  }

  @Test
  void anIdWithANulOrAnyOtherControlCharacterIsRefused() {
    Problem control = new Problem("id", "must not contain control characters or line breaks");

    for (String id : List.of("a\u0000b", "a\nb", "a\tb", "a\u007Fb", "a\u0085b")) {
      assertThat(problems(() -> customer(id))).as(id).containsExactly(control);
    }
  }

  @Test
  void aBlankIdIsRefused() {
    assertThat(problems(() -> customer(" ")))
        .containsExactly(new Problem("id", "must not be blank"));
  }

  @Provide
  Arbitrary<String> candidateIds() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(Limits.MAX_ID_LENGTH + 5),
        Arbitraries.strings()
            .withChars("a😀\uD800\uDC00\u0000\u0301 ")
            .ofMinLength(1)
            .ofMaxLength(Limits.MAX_ID_LENGTH + 2),
        Arbitraries.of(LONGEST_ID, LONGEST_ID + "x"));
  }

  @Property(tries = 1000)
  void anIdIsAcceptedExactlyWhenItIsFitToStoreAndThenReadsBackUnchanged(
      @ForAll("candidateIds") String id) {
    boolean fit = !id.isBlank()
        && id.length() <= Limits.MAX_ID_LENGTH
        && id.codePoints()
            .noneMatch(
                c -> Character.isSurrogate((char) c) && c < 0x10000 || Character.isISOControl(c));
    try {
      LostCustomer customer = Customers.lost("c").id(id).build();
      assertThat(fit).as("accepted").isTrue();
      assertThat(
              WinBackJson.read(WinBackJson.write(customer), LostCustomer.class).id())
          .isEqualTo(id);
    } catch (InvalidInputException e) {
      assertThat(fit).as("refused: " + e.getMessage()).isFalse();
    }
  }

  @Test
  void aPlanIdLongerThanTheLimitIsRefused() {
    assertThat(problems(() -> WinBackPlan.builder()
            .id("p".repeat(Limits.MAX_PLAN_ID_LENGTH + 1))
            .customer(Customers.lost("c").build())
            .playbook("x")
            .rule("r")
            .rationale("why")
            .startedAt(LOST_AT)
            .build()))
        .containsExactly(tooLong("id", Limits.MAX_PLAN_ID_LENGTH));
  }

  // ------------------------------------------------------------------------------------------------ texts

  @Test
  void aNameLongerThanTheLimitIsRefused() {
    assertThat(problems(() -> Customers.lost("c")
            .displayName("n".repeat(Limits.MAX_NAME_LENGTH + 1))
            .build()))
        .containsExactly(tooLong("displayName", Limits.MAX_NAME_LENGTH));
  }

  @Test
  void aNameTakesOneLine() {
    assertThat(problems(() -> Customers.lost("c").displayName("Ada\nLovelace").build()))
        .containsExactly(
            new Problem("displayName", "must not contain control characters or line breaks"));
  }

  @Test
  void everyNameOfASetIsCheckedAtItsIndex() {
    assertThat(problems(() -> Customers.lost("c")
            .addTags("ok", "t".repeat(Limits.MAX_NAME_LENGTH + 1))
            .build()))
        .containsExactly(tooLong("tags[1]", Limits.MAX_NAME_LENGTH));
    assertThat(problems(() -> RuleCondition.builder().addSegments("s\u0000").build()))
        .containsExactly(
            new Problem("segments[0]", "must not contain control characters or line breaks"));
  }

  @Test
  void anAddressLongerThanTheLimitIsRefused() {
    assertThat(problems(() -> ContactPoint.of(
            Channel.POST, "a".repeat(Limits.MAX_ADDRESS_LENGTH + 1), Consent.GRANTED)))
        .containsExactly(tooLong("address", Limits.MAX_ADDRESS_LENGTH));
    assertThat(ContactPoint.of(Channel.POST, "1 Main Street\nSpringfield", Consent.GRANTED)
            .address())
        .contains("\n");
  }

  @Test
  void theCustomersWordsLongerThanTheLimitAreRefused() {
    String longest = odd(Limits.MAX_TEXT_LENGTH);

    assertThat(Feedback.of(longest, ReasonSource.SURVEY, LOST_AT).text()).contains(longest);
    assertThat(problems(() -> Feedback.of(longest + "!", ReasonSource.SURVEY, LOST_AT)))
        .containsExactly(tooLong("text", Limits.MAX_TEXT_LENGTH));
    assertThat(problems(() -> ExitReason.builder()
            .category(ExitCategory.PRICE)
            .source(ReasonSource.SURVEY)
            .recordedAt(LOST_AT)
            .verbatim(longest + "!")
            .build()))
        .containsExactly(tooLong("verbatim", Limits.MAX_TEXT_LENGTH));
  }

  @Test
  void aTextMaySpanLinesButHoldsNoOtherControlCharacter() {
    assertThat(
            Feedback.of("too dear.\r\n\tReally.", ReasonSource.LETTER, LOST_AT).text())
        .isPresent();
    assertThat(problems(() -> Feedback.of("ring \u0007 ring", ReasonSource.LETTER, LOST_AT)))
        .containsExactly(new Problem(
            "text", "must not contain control characters other than tabs and line breaks"));
  }

  @Test
  void aTextWithAnUnpairedSurrogateIsRefused() {
    assertThat(problems(() -> Feedback.of("broken \uD83D here", ReasonSource.LETTER, LOST_AT)))
        .containsExactly(
            new Problem("text", "must not contain an unpaired surrogate (a broken character)"));
  }

  @Test
  void aStepMessageLongerThanTheLimitIsRefused() {
    assertThat(problems(() -> StepTemplate.builder()
            .kind(StepKind.APOLOGY)
            .message("m".repeat(Limits.MAX_TEXT_LENGTH + 1))
            .build()))
        .containsExactly(tooLong("message", Limits.MAX_TEXT_LENGTH));
  }

  @Test
  void aDescriptionLongerThanTheLimitIsRefused() {
    String tooLong = "d".repeat(Limits.MAX_DESCRIPTION_LENGTH + 1);

    assertThat(problems(() -> PlaybookRule.builder()
            .name("r")
            .rationale(tooLong)
            .addStep(StepTemplate.at(StepKind.APOLOGY, Duration.ZERO))
            .build()))
        .containsExactly(tooLong("rationale", Limits.MAX_DESCRIPTION_LENGTH));
    assertThat(problems(() -> ExitTerms.builder()
            .addKeeps("your data", tooLong)
            .comeBackLink(tooLong)
            .build()))
        .containsExactlyInAnyOrder(
            tooLong("keeps[1]", Limits.MAX_DESCRIPTION_LENGTH),
            tooLong("comeBackLink", Limits.MAX_DESCRIPTION_LENGTH));
  }

  @Test
  void attributeKeysAreNamesAndValuesDescriptions() {
    assertThat(problems(() -> Customers.lost("c")
            .putAttribute("plan", "v".repeat(Limits.MAX_DESCRIPTION_LENGTH + 1))
            .putAttribute("k".repeat(Limits.MAX_NAME_LENGTH + 1), "v")
            .putAttribute(" ", "v")
            .build()))
        .containsExactlyInAnyOrder(
            tooLong("attributes.plan", Limits.MAX_DESCRIPTION_LENGTH),
            new Problem(
                "attributes",
                "keys must be at most " + Limits.MAX_NAME_LENGTH + " characters long"),
            new Problem("attributes", "keys must not be blank"));
  }

  @Test
  void aPlanRationaleLongerThanTheLimitIsRefused() {
    assertThat(problems(() -> WinBackPlan.builder()
            .id("p")
            .customer(Customers.lost("c").build())
            .playbook("x")
            .rule("r")
            .rationale("r".repeat(Limits.MAX_PLAN_RATIONALE_LENGTH + 1))
            .startedAt(LOST_AT)
            .build()))
        .containsExactly(tooLong("rationale", Limits.MAX_PLAN_RATIONALE_LENGTH));
  }

  // ------------------------------------------------------------------------------------------------ outcome texts

  @Test
  void aHostsOutcomeTextLongerThanTheLimitIsCutShortWithAVisibleMarker() {
    String reason = "r".repeat(100_000);

    for (StepResult result :
        List.of(StepResult.skipped(reason), StepResult.failed(reason), StepResult.sent(reason))) {
      String kept = result instanceof StepResult.Sent sent
          ? sent.reference().orElseThrow()
          : result instanceof StepResult.Skipped skipped
              ? skipped.reason()
              : ((StepResult.Failed) result).reason();
      assertThat(kept)
          .hasSize(Limits.MAX_RESULT_TEXT_LENGTH)
          .endsWith(Limits.TRUNCATION_MARKER)
          .startsWith("rrr");
    }
    ContactDecision.Skip skip = new ContactDecision.Skip("rule", reason);
    assertThat(skip.reason())
        .hasSize(Limits.MAX_RESULT_TEXT_LENGTH)
        .endsWith(Limits.TRUNCATION_MARKER);
    assertThat(StepResult.skipped("short")).isEqualTo(StepResult.skipped("short"));
  }

  @Test
  void anOutcomeTextIsNeverCutBetweenTheHalvesOfACharacter() {
    String emoji = "😀".repeat(Limits.MAX_RESULT_TEXT_LENGTH);
    String cut = ((StepResult.Skipped) StepResult.skipped("x" + emoji)).reason();

    assertThat(cut.length()).isLessThanOrEqualTo(Limits.MAX_RESULT_TEXT_LENGTH);
    assertThat(cut.codePoints().filter(c -> c < 0x10000 && Character.isSurrogate((char) c)))
        .isEmpty();
  }

  @Test
  void anOutcomeTextHasBrokenAndControlCharactersReplaced() {
    StepResult result = StepResult.failed("gateway\u0000 said \uD800 no\n");

    assertThat(((StepResult.Failed) result).reason()).isEqualTo("gateway\uFFFD said \uFFFD no\n");
  }

  @Test
  void aStepOutcomeAndAJournalDetailAreCutShortToFitTheStore() {
    String detail = "\"".repeat(Limits.MAX_DETAIL_LENGTH * 3);
    JournalEvent event = JournalEvent.builder()
        .customerId(LONGEST_ID)
        .planId(LONGEST_ID + "@" + LOST_AT)
        .at(LOST_AT)
        .type(EventType.STEP_SKIPPED)
        .detail(detail)
        .build();
    PlanStep step = PlanStep.builder()
        .index(0)
        .kind(StepKind.APOLOGY)
        .channel(Channel.EMAIL)
        .dueAt(LOST_AT)
        .status(StepStatus.SKIPPED)
        .completedAt(LOST_AT)
        .outcome(detail)
        .build();

    assertThat(event.detail()).hasSize(Limits.MAX_DETAIL_LENGTH).endsWith(Limits.TRUNCATION_MARKER);
    assertThat(step.outcome().orElseThrow())
        .hasSize(Limits.MAX_DETAIL_LENGTH)
        .endsWith(Limits.TRUNCATION_MARKER);
    assertThat(WinBackJson.write(event).length())
        .as("fits the journal's 8,000-character column")
        .isLessThan(8_000);
    assertThat(WinBackJson.read(WinBackJson.write(event), JournalEvent.class)).isEqualTo(event);
  }

  // ------------------------------------------------------------------------------------------------ sizes

  @Test
  void aCollectionWithMoreThanTheMostItemsIsRefused() {
    List<String> tags =
        IntStream.rangeClosed(0, Limits.MAX_ITEMS).mapToObj(i -> "t" + i).toList();

    assertThat(problems(() -> Customers.lost("c").addAllTags(tags).build()))
        .containsExactly(new Problem("tags", "must have at most " + Limits.MAX_ITEMS + " items"));
    assertThat(Customers.lost("c")
            .addAllTags(tags.subList(0, Limits.MAX_ITEMS))
            .build()
            .tags())
        .hasSize(Limits.MAX_ITEMS);
  }

  // ------------------------------------------------------------------------------------------------ money

  private static CustomerValue monthly(BigDecimal amount) {
    return CustomerValue.builder()
        .monthlyRevenue(amount)
        .currency(Currency.getInstance("EUR"))
        .build();
  }

  @Test
  void anAmountMadeFromABinaryFractionIsRefused() {
    assertThat(new BigDecimal(0.1).scale()).isEqualTo(55);
    assertThat(problems(() -> monthly(new BigDecimal(0.1))))
        .extracting(Problem::toString)
        .containsExactly(
            "monthlyRevenue: must have at most 4 decimal places (make amounts from text or BigDecimal.valueOf, never "
                + "new BigDecimal(double))");
    assertThat(monthly(BigDecimal.valueOf(0.1)).monthlyRevenue()).isEqualByComparingTo("0.1");
    assertThat(monthly(new BigDecimal("0.0001")).monthlyRevenue()).isEqualByComparingTo("0.0001");
  }

  @Test
  void anAmountWithANegativeScaleIsRefusedSinceItWouldReadBackAsAnotherValue() {
    assertThat(problems(() -> monthly(new BigDecimal("100").stripTrailingZeros())))
        .containsExactly(new Problem(
            "monthlyRevenue",
            "must not have a negative scale (write 1000, not 1E+3; see BigDecimal.setScale)"));
    assertThat(monthly(new BigDecimal("1E+2").setScale(0)).monthlyRevenue())
        .isEqualTo(new BigDecimal("100"));
  }

  @Test
  void anAmountOfTenToTheFifteenOrMoreIsRefused() {
    BigDecimal largest = new BigDecimal("999999999999999.9999");

    assertThat(monthly(largest).monthlyRevenue()).isEqualTo(largest);
    assertThat(problems(() -> monthly(Limits.MONEY_BOUND)))
        .containsExactly(new Problem("monthlyRevenue", "must be less than 10^15 in magnitude"));
    assertThat(problems(() -> Offer.builder()
            .kind(OfferKind.AMOUNT_OFF)
            .value(new BigDecimal("-1E+15"))
            .currency(Currency.getInstance("EUR"))
            .expiresAt(LOST_AT)
            .build()))
        .contains(new Problem("value", "must be less than 10^15 in magnitude"));
  }

  @Test
  void aJsonNumberSuchAs1e51IsRefusedWhenRead() {
    InvalidInputException e = catchThrowableOfType(
        InvalidInputException.class,
        () -> WinBackJson.read(
            "{\"monthlyRevenue\": 1e51, \"lifetimeRevenue\": 0.10000000000000000555, \"currency\": \"EUR\"}",
            CustomerValue.class));

    assertThat(e.problems())
        .extracting(Problem::toString)
        .containsExactlyInAnyOrder(
            "monthlyRevenue: must not have a negative scale (write 1000, not 1E+3; see BigDecimal.setScale)",
            "monthlyRevenue: must be less than 10^15 in magnitude",
            "lifetimeRevenue: must have at most 4 decimal places (make amounts from text or BigDecimal.valueOf, never "
                + "new BigDecimal(double))");
  }

  @Provide
  Arbitrary<BigDecimal> amounts() {
    return Arbitraries.bigIntegers()
        .between(BigInteger.TEN.pow(20).negate(), BigInteger.TEN.pow(20))
        .flatMap(unscaled ->
            Arbitraries.integers().between(-3, 8).map(scale -> new BigDecimal(unscaled, scale)));
  }

  @Property(tries = 1000)
  void anAmountIsAcceptedExactlyWithinTheLimitsAndThenReadsBackUnchanged(
      @ForAll("amounts") BigDecimal amount) {
    boolean fit = amount.scale() >= 0
        && amount.scale() <= Limits.MAX_MONEY_SCALE
        && amount.abs().compareTo(Limits.MONEY_BOUND) < 0;
    try {
      BudgetCycle cycle = BudgetCycle.builder()
          .budgetYearStarts(java.time.Month.APRIL)
          .annualBudget(amount.abs())
          .build();
      assertThat(fit).as("accepted").isTrue();
      assertThat(WinBackJson.read(WinBackJson.write(cycle), BudgetCycle.class)).isEqualTo(cycle);
    } catch (InvalidInputException e) {
      assertThat(fit).as("refused: " + e.getMessage()).isFalse();
    }
  }

  // ------------------------------------------------------------------------------------------------ times

  @Test
  void instantsOutsideTheYears1900To9999AreRefused() {
    Problem years = new Problem("lostAt", "must lie between the years 1900 and 9999");

    assertThat(Customers.lost("c")
            .customerSince(Limits.EARLIEST)
            .lostAt(Limits.EARLIEST)
            .build()
            .lostAt())
        .isEqualTo(Limits.EARLIEST);
    assertThat(Customers.lost("c").lostAt(Limits.LATEST).build().lostAt()).isEqualTo(Limits.LATEST);
    assertThat(problems(() -> Customers.lost("c")
            .customerSince(Limits.EARLIEST)
            .lostAt(Limits.EARLIEST.minusNanos(1))
            .build()))
        .contains(years);
    assertThat(problems(
            () -> Customers.lost("c").lostAt(Limits.LATEST.plusNanos(1)).build()))
        .containsExactly(years);
    assertThat(problems(() -> ActiveCustomer.builder()
            .id("a")
            .displayName("A")
            .lastThankedAt(Instant.parse("+10000-01-01T00:00:00Z"))
            .build()))
        .containsExactly(new Problem("lastThankedAt", "must lie between the years 1900 and 9999"));
    assertThat(problems(() ->
            NewArrangement.builder().contractEnds(LocalDate.of(1899, 12, 31)).build()))
        .containsExactly(new Problem("contractEnds", "must lie between the years 1900 and 9999"));
  }

  @Test
  void durationsAreBoundedAndPositiveWhereItMatters() {
    Duration century = Limits.LONGEST.plusDays(1);

    assertThat(problems(() -> StepTemplate.at(StepKind.APOLOGY, century)))
        .containsExactly(new Problem("offset", "must not be longer than 100 years"));
    assertThat(problems(() -> FrequencyCap.of(1, Duration.ofDays(-1))))
        .containsExactly(new Problem("window", "must be positive"));
    assertThat(problems(() ->
            OfferTerms.builder().kind(OfferKind.UPGRADE).validFor(Duration.ZERO).build()))
        .containsExactly(new Problem("validFor", "must be positive"));
    assertThat(
            problems(() -> ExitTerms.builder().dataRetention(Period.ofYears(-1)).build()))
        .containsExactly(new Problem("dataRetention", "must not be negative"));
    assertThat(problems(
            () -> ExitTerms.builder().dataRetention(Period.ofYears(101)).build()))
        .containsExactly(new Problem("dataRetention", "must not be longer than 100 years"));
  }

  // ------------------------------------------------------------------------------------------------ one exception

  @Test
  void aDocumentFailsWithOneExceptionNamingEveryProblemAndItsPath() {
    ObjectMapper mapper = WinBackJson.mapper();
    WinBackPlan plan = WinBackPlan.builder()
        .id("c@1")
        .playbook("x")
        .rule("r")
        .rationale("why")
        .startedAt(LOST_AT)
        .customer(Customers.lost("c")
            .addContactPoint(ContactPoint.of(Channel.POST, "1 Main St", Consent.GRANTED))
            .value(Customers.worth("10"))
            .build())
        .build();
    ObjectNode json = mapper.valueToTree(plan);
    ObjectNode customer = (ObjectNode) json.get("customer");
    customer.put("id", "x".repeat(Limits.MAX_ID_LENGTH + 1));
    customer.put("displayName", "n".repeat(5_000));
    ((ObjectNode) ((ArrayNode) customer.get("contactPoints")).get(1))
        .put("address", "a".repeat(501));
    ((ObjectNode) customer.get("value")).put("monthlyRevenue", new BigDecimal("1E+16").setScale(0));
    json.put("startedAt", "1899-12-31T23:59:59Z");

    InvalidInputException e = catchThrowableOfType(
        InvalidInputException.class, () -> WinBackJson.read(json.toString(), WinBackPlan.class));

    assertThat(e.problems())
        .extracting(Problem::toString)
        .containsExactlyInAnyOrder(
            "customer.id: must be at most 255 characters long",
            "customer.displayName: must be at most 200 characters long",
            "customer.contactPoints[1].address: must be at most 500 characters long",
            "customer.value.monthlyRevenue: must be less than 10^15 in magnitude",
            "startedAt: must lie between the years 1900 and 9999");
  }
}
