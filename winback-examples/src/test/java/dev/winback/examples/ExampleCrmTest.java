package dev.winback.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.model.Channel;
import dev.winback.model.ChurnSignal;
import dev.winback.model.Consent;
import dev.winback.model.ContactPoint;
import dev.winback.model.CustomerValue;
import dev.winback.model.ExitTerms;
import dev.winback.model.LostCustomer;
import dev.winback.model.PlanStep;
import dev.winback.model.StepKind;
import dev.winback.model.ValueTiers;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.StepContext;
import dev.winback.spi.StepResult;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The example CRM labels each account-manager task by the channel the step really goes on. */
class ExampleCrmTest {
  private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");
  private final ExampleCrm crm = new ExampleCrm(ValueTiers.defaults());

  private static StepContext context(StepKind kind, Channel channel, String monthly) {
    LostCustomer customer = LostCustomer.builder()
        .id("c1")
        .displayName("Ada")
        .addContactPoint(ContactPoint.of(
            channel,
            channel == Channel.POST
                ? "1 Road"
                : channel == Channel.EMAIL ? "ada@example.com" : "+1 555 0100",
            Consent.GRANTED))
        .lostAt(NOW)
        .churnSignal(ChurnSignal.SUBSCRIPTION_CANCELLED)
        .value(CustomerValue.of(monthly, "0", "USD"))
        .build();
    PlanStep step =
        PlanStep.builder().index(0).kind(kind).channel(channel).dueAt(NOW).build();
    WinBackPlan plan = WinBackPlan.builder()
        .id("c1@" + NOW)
        .customer(customer)
        .playbook("standard")
        .rule("r")
        .rationale("r")
        .startedAt(NOW)
        .addSteps(step)
        .build();
    return new StepContext(
        customer,
        plan,
        step,
        kind + "-" + channel,
        1,
        NOW,
        ExitTerms.builder().comeBackLink("https://shop.example/back").build(),
        Optional.of("tok"));
  }

  private static String reference(StepResult result) {
    return ((StepResult.Sent) result).reference().orElseThrow();
  }

  @Test
  void anAccountManagersTaskSaysWhatToDoOnTheStepsOwnChannel() {
    assertThat(reference(crm.apologise(context(StepKind.APOLOGY, Channel.EMAIL, "1200"))))
        .endsWith("(write a personal e-mail)");
    assertThat(reference(crm.apologise(context(StepKind.APOLOGY, Channel.PHONE, "1200"))))
        .endsWith("(call the customer)");
    assertThat(reference(crm.reEngage(context(StepKind.SECOND_CHANCE_ASK, Channel.POST, "1200"))))
        .endsWith("(write a letter by hand)");
    assertThat(reference(crm.reEngage(context(StepKind.THANK_YOU, Channel.SMS, "1200"))))
        .endsWith("(send a personal text)");
  }

  @Test
  void everyoneElseGetsAMessageOnTheStepsChannel() {
    assertThat(reference(crm.reEngage(context(StepKind.GRACEFUL_GOODBYE, Channel.POST, "9.90"))))
        .startsWith("post-");
    assertThat(crm.outbox()).singleElement().satisfies(o -> {
      assertThat(o.channel()).isEqualTo(Channel.POST);
      assertThat(o.text()).contains("https://shop.example/back?token=tok");
    });
  }
}
