package dev.winback.model;

import static dev.winback.testing.Customers.LOST_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.winback.InvalidInputException;
import dev.winback.Problem;
import dev.winback.WinBackJson;
import dev.winback.testing.Customers;
import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class ValidationTest {

  private static InvalidInputException readFails(String json, Class<?> type) {
    return catchThrowableOfType(InvalidInputException.class, () -> WinBackJson.read(json, type));
  }

  @Test
  void aBuilderNamesEveryMissingField() {
    InvalidInputException e = catchThrowableOfType(
        InvalidInputException.class,
        () -> LostCustomer.builder().displayName("x").build());

    assertThat(e.problems())
        .extracting(Problem::path)
        .containsExactlyInAnyOrder("id", "lostAt", "churnSignal");
  }

  @Test
  void aMalformedEmailAddressFailsWithoutRepeatingIt() {
    assertThatThrownBy(() -> ContactPoint.of(Channel.EMAIL, "ada.example.com", Consent.GRANTED))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("address: is not a valid e-mail address")
        .hasMessageNotContaining("ada.example.com");
  }

  @Test
  void aNegativeValueFails() {
    assertThatThrownBy(() -> CustomerValue.builder()
            .monthlyRevenue(new BigDecimal("-1"))
            .currency(Currency.getInstance("EUR"))
            .build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("monthlyRevenue: must not be negative");
  }

  @Test
  void aStepDueBeforeThePlanStartsFails() {
    PlanStep early = PlanStep.builder()
        .index(0)
        .kind(StepKind.APOLOGY)
        .channel(Channel.EMAIL)
        .dueAt(LOST_AT.minusSeconds(1))
        .build();

    assertThatThrownBy(() -> WinBackPlan.builder()
            .id("p")
            .customer(Customers.lost("c").build())
            .playbook("x")
            .rule("r")
            .rationale("why")
            .startedAt(LOST_AT)
            .addStep(early)
            .build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("steps[0].dueAt: must not be before startedAt");
  }

  @Test
  void jsonWithManyProblemsNamesEveryOneWithItsPath() {
    String json = """
        {
          "displayName": "Ada",
          "contactPoints": [
            {"channel": "EMAIL", "address": "ada@example.com", "consent": "GRANTED"},
            {"channel": "PIGEON", "address": "roof"},
            {"channel": "EMAIL", "address": "not-an-address"}
          ],
          "lostAt": "yesterday",
          "churnSignal": "SUBSCRIPTION_CANCELLED",
          "value": {"monthlyRevenue": -5, "currency": "EUR"},
          "favouriteColour": "blue"
        }
        """;

    InvalidInputException e = readFails(json, LostCustomer.class);

    assertThat(e.problems())
        .extracting(Problem::toString)
        .containsExactlyInAnyOrder(
            "favouriteColour: is not a known field of LostCustomer",
            "id: is required",
            "contactPoints[1].channel: must be one of [EMAIL, PHONE, SMS, POST]",
            "contactPoints[2].address: is not a valid e-mail address",
            "lostAt: must be an ISO-8601 instant such as 2026-01-31T09:00:00Z",
            "value.monthlyRevenue: must not be negative");
    assertThat(e.getMessage()).doesNotContain("not-an-address").doesNotContain("ada@example.com");
  }

  @Test
  void malformedJsonFailsWithItsPosition() {
    assertThat(readFails("{\"id\": ", LostCustomer.class).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("is not well-formed JSON (line 1"));
  }

  @Test
  void aJsonArrayWhereAnObjectBelongsFails() {
    assertThat(readFails("[1,2]", LostCustomer.class).problems())
        .containsExactly(new Problem("", "must be an object"));
  }

  @Test
  void nullForARequiredFieldFails() {
    String json = """
        {"id": null, "displayName": "A", "lostAt": "2026-03-02T09:00:00Z", "churnSignal": "OTHER"}
        """;

    assertThat(readFails(json, LostCustomer.class).problems())
        .containsExactly(new Problem("id", "is required"));
  }

  @Test
  void aCrossFieldRuleInANestedValueIsReportedAtItsPath() {
    String json = """
        {"kind": "PERCENT_OFF", "value": 150, "expiresAt": "2026-03-02T09:00:00Z"}
        """;

    assertThat(readFails(json, Offer.class).problems())
        .containsExactly(new Problem("value", "a percentage must be at most 100"));
  }

  @Test
  void aStringWhereANumberBelongsIsNotCoerced() {
    String json = """
        {"monthlyRevenue": "12", "currency": "EUR"}
        """;

    assertThat(readFails(json, CustomerValue.class).problems())
        .containsExactly(new Problem("monthlyRevenue", "must be a number"));
  }
}
