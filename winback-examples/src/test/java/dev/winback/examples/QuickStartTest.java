// spotless:off
package dev.winback.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.winback.WinBack;
import dev.winback.model.Channel;
import dev.winback.model.ChurnSignal;
import dev.winback.model.Consent;
import dev.winback.model.ContactPoint;
import dev.winback.model.CustomerValue;
import dev.winback.model.ExitCategory;
import dev.winback.model.EventType;
import dev.winback.model.ExitReason;
import dev.winback.model.Feedback;
import dev.winback.model.LostCustomer;
import dev.winback.model.Offer;
import dev.winback.model.PlanStatus;
import dev.winback.model.ReasonSource;
import dev.winback.model.StepKind;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.StepResult;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's quick start, verbatim, against stand-ins for the host's survey tool, mailer and CRM. */
class QuickStartTest {
  private final List<String> sent = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private final class Survey {
    StepResult send(LostCustomer customer, String idempotencyKey) {
      sent.add("survey " + idempotencyKey);
      return StepResult.sent("survey-1");
    }
  }

  private final class Mailer {
    StepResult apologise(LostCustomer customer, String idempotencyKey) {
      sent.add("apology " + idempotencyKey);
      return StepResult.sent("mail-1");
    }

    StepResult offer(LostCustomer customer, Offer offer) {
      sent.add("offer " + offer.kind());
      return StepResult.sent();
    }

    StepResult send(StepKind kind, LostCustomer customer) {
      sent.add(kind.name());
      return StepResult.sent();
    }
  }

  private final class Crm {
    void addTimelineNote(String customerId, String summary) {
      notes.add(customerId + ": " + summary);
    }
  }

  private final Survey survey = new Survey();
  private final Mailer mailer = new Mailer();
  private final Crm crm = new Crm();

  @Test
  void theQuickStartWinsACustomerBack() {
    Instant before = Instant.now();
    // --- from README.md ---
    WinBack winBack = WinBack.builder()
        .feedback(context -> survey.send(context.customer(), context.idempotencyKey()))   // ask why they left
        .apology(context -> mailer.apologise(context.customer(), context.idempotencyKey()))
        .incentives(context -> mailer.offer(context.customer(), context.step().offer().orElseThrow()))
        .reEngagement(context -> mailer.send(context.step().kind(), context.customer()))  // thank-you, goodbye, ...
        .activities(activity -> crm.addTimelineNote(activity.customerId(), activity.summary()))
        .build();                                           // immutable and thread-safe from here on

    LostCustomer customer = LostCustomer.builder()
        .id("cust-42")
        .displayName("Ada")
        .addContactPoint(ContactPoint.of(Channel.EMAIL, "ada@example.com", Consent.GRANTED))
        .lostAt(Instant.now())
        .churnSignal(ChurnSignal.SUBSCRIPTION_CANCELLED)
        .addExitReason(ExitReason.of(ExitCategory.SERVICE_FAILURE, ReasonSource.SURVEY, Instant.now()))
        .value(CustomerValue.of("79.00", "1896.00", "EUR"))
        .build();

    WinBackPlan plan = winBack.start(customer);  // rule 'our-fault': apology first (their reason is known: no question), follow up, ...
    winBack.runDue();                            // runs the steps that are due, through your strategies (e-mail waits for 07:00-22:00 their time)

    // later, as the customer answers:
    winBack.recordFeedback("cust-42", Feedback.of("Three outages in a month", ReasonSource.SURVEY, Instant.now()));
    winBack.markWonBack("cust-42");              // or recordResponse(..., DECLINED), optOut(...)
    winBack.history("cust-42");                  // the journal: everything that happened, and why
    // --- end of README code ---

    assertThat(plan.rule()).isEqualTo("our-fault");
    Instant after = Instant.now();
    // The README runs on the real clock: the apology goes out at once by day, and waits for 07:00 UTC at night.
    assumeTrue(inEmailHours(before) == inEmailHours(after), "the run straddled the edge of the e-mail hours");
    if (inEmailHours(before)) {
      assertThat(sent).singleElement().asString().startsWith("apology wb-");
    } else {
      assertThat(sent).isEmpty();
      assertThat(winBack.history("cust-42"))
          .anySatisfy(event -> {
            assertThat(event.type()).isEqualTo(EventType.STEP_DELAYED);
            assertThat(event.detail()).containsIgnoringCase("quiet");
          });
    }
    assertThat(winBack.plan("cust-42").orElseThrow().status()).isEqualTo(PlanStatus.WON_BACK);
    assertThat(notes).first().asString().startsWith("cust-42: rule 'our-fault' chose");
    assertThat(notes).noneMatch(note -> note.contains("ada@example.com") || note.contains("outages"));
  }

  private static boolean inEmailHours(Instant instant) {
    LocalTime time = instant.atZone(ZoneOffset.UTC).toLocalTime();
    return !time.isBefore(LocalTime.of(7, 0)) && time.isBefore(LocalTime.of(22, 0));
  }
}
// spotless:on
