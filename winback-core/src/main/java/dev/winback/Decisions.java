package dev.winback;

import dev.winback.internal.ContactPlanning;
import dev.winback.internal.HostFailures;
import dev.winback.internal.PlanEdit;
import dev.winback.internal.Planner;
import dev.winback.model.Channel;
import dev.winback.model.Consent;
import dev.winback.model.ContactPoint;
import dev.winback.model.ContactPurpose;
import dev.winback.model.CustomerResponse;
import dev.winback.model.EventType;
import dev.winback.model.ExitCategory;
import dev.winback.model.ExitReason;
import dev.winback.model.Feedback;
import dev.winback.model.JournalEvent;
import dev.winback.model.Limits;
import dev.winback.model.LostCustomer;
import dev.winback.model.PlanStatus;
import dev.winback.model.ReasonClassification;
import dev.winback.model.Suppression;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.PlanStore;
import dev.winback.spi.ReasonClassifier;
import dev.winback.spi.SuppressionList;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the host tells the engine about a customer (a new loss, feedback, an answer, an opt-out, a suppression, a
 * consent change), each decided alone in the customer's fence and written at once: no send to the customer starts
 * after the call returned without seeing it. Thread-safe.
 */
final class Decisions {
  private static final Logger LOG = LoggerFactory.getLogger(Decisions.class);

  private final Clock clock;
  private final PlanWriter writer;
  private final PlanStore store;
  private final PlanChooser chooser;
  private final SuppressionList suppressionList;
  private final ReasonClassifier classifier;

  Decisions(
      Clock clock,
      PlanWriter writer,
      PlanChooser chooser,
      SuppressionList suppressionList,
      ReasonClassifier classifier) {
    this.clock = clock;
    this.writer = writer;
    this.store = writer.store();
    this.chooser = chooser;
    this.suppressionList = suppressionList;
    this.classifier = classifier;
  }

  WinBackPlan start(LostCustomer customer) {
    Objects.requireNonNull(customer, "customer");
    String planId = Planner.planId(customer);
    Optional<WinBackPlan> existing = store.find(planId);
    if (existing.isPresent()) {
      return existing.get();
    }
    return writer.decide(
        customer.id(), () -> store.find(planId).orElseGet(() -> startNew(customer, planId)));
  }

  private WinBackPlan startNew(LostCustomer customer, String planId) {
    Instant now = clock.instant();
    store
        .latestPlan(customer.id())
        .filter(old -> old.status().isActive() && !old.id().equals(planId))
        .ifPresent(old -> writer.apply(old.id(), plan -> {
          PlanEdit edit = new PlanEdit(plan, now);
          edit.end(PlanStatus.SUPERSEDED, "a newer loss of the customer started another plan");
          return edit;
        }));
    ContactPlanning.Planned planned = chooser.planFor(customer, now);
    WinBackPlan plan = planned.plan();
    List<JournalEvent> events = new ArrayList<>();
    events.add(event(plan, now, EventType.PLAN_STARTED)
        .detail("rule '" + plan.rule() + "' chose " + plan.steps().size() + " steps")
        .build());
    events.addAll(planned.events());
    plan.endedAt()
        .ifPresent(at -> events.add(event(plan, now, EventType.PLAN_ENDED)
            .detail(plan.status() + ": " + plan.rationale())
            .build()));
    WinBackPlan stored = store.insertIfAbsent(plan, events);
    if (stored == plan) {
      LOG.debug(
          "Started plan {} by rule '{}' with {} steps",
          plan.id(),
          plan.rule(),
          plan.steps().size());
      writer.published(events);
    }
    return stored;
  }

  WinBackPlan recordFeedback(String customerId, Feedback feedback) {
    Objects.requireNonNull(feedback, "feedback");
    return writer.decide(customerId, () -> {
      WinBackPlan latest = writer.latest(customerId);
      Reading reading = feedback.category().isPresent()
          ? new Reading(feedback.category().get(), "", List.of())
          : read(feedback, latest);
      ExitReason.Builder reason = ExitReason.builder()
          .category(reading.category())
          .verbatim(feedback.text())
          .source(feedback.source())
          .recordedAt(feedback.receivedAt());
      feedback.ourFault().ifPresent(reason::ourFault);
      ExitReason exitReason = reason.build();
      return writer.apply(
          latest.id(), plan -> revised(plan, exitReason, reading, feedback.receivedAt()));
    });
  }

  /**
   * What the engine takes from a classifier: a category that never stops contact by itself, how it was read, and
   * the irreversible categories the words only suggest.
   */
  private record Reading(ExitCategory category, String how, List<ExitCategory> suggested) {}

  /**
   * Reads the customer's words with the classifier. An irreversible category (deceased, legal hold, do not
   * contact) never comes from free text, whatever the classifier says: it is only suggested, for a person to
   * confirm, and the reason is recorded as UNKNOWN when it was the main one.
   */
  private Reading read(Feedback feedback, WinBackPlan plan) {
    if (feedback.text().isEmpty()) {
      return new Reading(ExitCategory.UNKNOWN, "", List.of());
    }
    ReasonClassification read;
    try {
      read = Objects.requireNonNull(
          classifier.classification(feedback.text().get(), plan.customer().locale()),
          "the classifier returned null");
    } catch (Throwable e) {
      HostFailures.log(LOG, "Reason classifier " + classifier.getClass().getName(), plan.id(), e);
      return new Reading(ExitCategory.UNKNOWN, " (the classifier failed)", List.of());
    }
    List<ExitCategory> suggested = new ArrayList<>();
    List<ExitCategory> others = new ArrayList<>();
    for (ExitCategory category : read.categories()) {
      (category.irreversible() ? suggested : others).add(category);
    }
    ExitCategory category = read.category().irreversible() ? ExitCategory.UNKNOWN : read.category();
    others.remove(category);
    StringBuilder how = new StringBuilder(" (read");
    read.language().ifPresent(language -> how.append(" as ").append(language));
    how.append(String.format(Locale.ROOT, ", confidence %.2f", read.confidence()));
    if (!others.isEmpty()) {
      how.append("; also ").append(others);
    }
    return new Reading(category, how.append(')').toString(), List.copyOf(suggested));
  }

  private PlanEdit revised(
      WinBackPlan plan, ExitReason reason, Reading reading, Instant receivedAt) {
    PlanEdit edit = new PlanEdit(plan, clock.instant());
    edit.addReason(reason);
    edit.event(
        EventType.FEEDBACK_RECORDED,
        "feedback via " + reason.source() + ": " + reason.category()
            + (reason.ourFault() ? " (the fault was ours)" : "") + reading.how());
    for (ExitCategory suggested : reading.suggested()) {
      edit.event(
          EventType.REASON_SUGGESTED,
          "the customer's words suggest " + suggested
              + ", which only a person may confirm (recordFeedback with the category, or suppress);"
              + " contact is unchanged until then");
    }
    if (!edit.isActive()) {
      return edit;
    }
    Optional<String> blocked = Planner.whyNotContact(edit.customer());
    if (blocked.isPresent()) {
      for (ExitCategory category : ExitCategory.values()) {
        Optional<Suppression> suppression = category.suppression();
        if (suppression.isPresent() && edit.customer().leftBecauseOf(category)) {
          suppressionList.add(edit.customer(), suppression.get());
          break;
        }
      }
      edit.end(PlanStatus.SUPPRESSED, blocked.get());
      return edit;
    }
    if (plan.feedbackReceivedAt().isEmpty() && reason.fromTheCustomer()) {
      edit.feedbackReceivedAt(receivedAt);
    }
    if (plan.arm().filter(Experiment.HOLDOUT::equals).isEmpty()) {
      chooser.revise(edit, plan);
    }
    return edit;
  }

  WinBackPlan recordResponse(String customerId, CustomerResponse response) {
    Objects.requireNonNull(response, "response");
    return writer.decide(
        customerId,
        () -> writer.apply(writer.latest(customerId).id(), plan -> {
          PlanEdit edit = new PlanEdit(plan, clock.instant());
          edit.event(EventType.RESPONSE_RECORDED, "the customer responded: " + response);
          switch (response) {
            case ENGAGED -> {}
            case DECLINED -> edit.end(PlanStatus.DECLINED, "the customer declined");
            case CAME_BACK -> cameBack(edit, plan);
          }
          return edit;
        }));
  }

  /** Ends a plan as won back, or reclassifies an ended one: the customer came back. */
  static void cameBack(PlanEdit edit, WinBackPlan plan) {
    if (edit.isActive()) {
      edit.end(PlanStatus.WON_BACK, "the customer came back");
    } else if (plan.status() != PlanStatus.WON_BACK) {
      edit.reclassifyEnded(PlanStatus.WON_BACK, "the customer came back after the plan ended");
    }
  }

  WinBackPlan optOut(String customerId) {
    return optOut(customerId, null);
  }

  /** Opts the customer out; an operator's name, when given, is journalled with the action. */
  WinBackPlan optOut(String customerId, @Nullable String operator) {
    return writer.decide(customerId, () -> {
      WinBackPlan latest = writer.latest(customerId);
      WinBackPlan ended = writer.apply(latest.id(), plan -> {
        PlanEdit edit = new PlanEdit(plan, clock.instant());
        edit.withdrawAllConsent();
        edit.event(
            EventType.CONSENT_CHANGED,
            "consent withdrawn on every channel for every purpose, source: "
                + (operator == null ? "opt-out" : "operator"));
        if (operator != null) {
          edit.event(
              EventType.OPERATOR_ACTION, Operations.done(operator, "opted the customer out"));
        }
        edit.event(EventType.RESPONSE_RECORDED, "the customer opted out of all contact");
        edit.end(PlanStatus.OPTED_OUT, "the customer opted out");
        return edit;
      });
      suppressionList.add(latest.customer(), Suppression.DO_NOT_CONTACT);
      return ended;
    });
  }

  WinBackPlan suppress(String customerId, Suppression suppression) {
    return suppress(customerId, suppression, null);
  }

  /** Suppresses the customer; an operator's name, when given, is journalled with the action. */
  WinBackPlan suppress(String customerId, Suppression suppression, @Nullable String operator) {
    Objects.requireNonNull(suppression, "suppression");
    return writer.decide(customerId, () -> {
      WinBackPlan latest = writer.latest(customerId);
      WinBackPlan ended = writer.apply(latest.id(), plan -> {
        PlanEdit edit = new PlanEdit(plan, clock.instant());
        edit.customer(LostCustomer.builder()
            .from(edit.customer())
            .suppression(suppression)
            .build());
        if (operator != null) {
          edit.event(
              EventType.OPERATOR_ACTION,
              Operations.done(operator, "suppressed the customer (" + suppression + ")"));
        }
        edit.event(
            EventType.RESPONSE_RECORDED, "the customer must not be contacted: " + suppression);
        edit.end(PlanStatus.SUPPRESSED, "the customer is suppressed (" + suppression + ")");
        return edit;
      });
      suppressionList.add(latest.customer(), suppression);
      return ended;
    });
  }

  WinBackPlan recordConsent(
      String customerId,
      Channel channel,
      Optional<ContactPurpose> purpose,
      Consent consent,
      String source) {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(consent, "consent");
    Limits.requireValidName("source", source);
    return writer.decide(
        customerId,
        () -> writer.apply(writer.latest(customerId).id(), plan -> {
          PlanEdit edit = new PlanEdit(plan, clock.instant());
          List<ContactPoint> points = new ArrayList<>();
          List<String> before = new ArrayList<>();
          for (ContactPoint point : edit.customer().contactPoints()) {
            if (point.channel() != channel) {
              points.add(point);
              continue;
            }
            before.add(purpose.map(point::consentFor).orElse(point.consent()).name());
            ContactPoint.Builder changed = ContactPoint.builder().from(point);
            if (purpose.isPresent()) {
              changed.putPurposeConsent(purpose.get(), consent);
            } else {
              changed.consent(consent).purposeConsents(Map.of());
            }
            points.add(changed.build());
          }
          edit.customer(
              LostCustomer.builder().from(edit.customer()).contactPoints(points).build());
          edit.event(
              EventType.CONSENT_CHANGED,
              channel + " consent for " + purpose.map(Enum::name).orElse("every purpose")
                  + ": " + (before.isEmpty() ? "no contact point" : String.join(", ", before))
                  + " -> " + consent
                  + ", source: " + source);
          return edit;
        }));
  }

  private static JournalEvent.Builder event(WinBackPlan plan, Instant now, EventType type) {
    return JournalEvent.builder()
        .customerId(plan.customer().id())
        .planId(plan.id())
        .at(now)
        .type(type);
  }
}
