package dev.winback.console;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.model.Channel;
import dev.winback.model.Consent;
import dev.winback.model.ContactPoint;
import dev.winback.model.EventType;
import dev.winback.model.JournalEvent;
import dev.winback.model.StepStatus;
import dev.winback.model.WinBackPlan;
import dev.winback.testing.Customers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Starts the plans a test looks at, each customer new, so that tests sharing one application do not meet. */
final class Plans {
  private static final AtomicInteger NEXT = new AtomicInteger();

  private final WinBack winBack;
  private final ManualClock clock;

  Plans(WinBack winBack, ManualClock clock) {
    this.winBack = winBack;
    this.clock = clock;
  }

  /** A new customer id with this prefix. */
  static String id(String prefix) {
    return prefix + "-" + NEXT.incrementAndGet();
  }

  /** An e-mail address no other customer of the tests has, so that no suppression of one reaches another. */
  static String email(String name) {
    return name + "." + NEXT.incrementAndGet() + "@example.com";
  }

  /** Starts the plan of a customer with a name and an e-mail address a viewer must not read. */
  WinBackPlan person(String id, String name, String email) {
    return winBack.start(Customers.lost(id)
        .displayName(name)
        .contactPoints(List.of(ContactPoint.of(Channel.EMAIL, email, Consent.GRANTED)))
        .build());
  }

  /** Starts a plan whose host fails every step, and runs it until a step has failed for good. */
  WinBackPlan failed(String id) {
    winBack.start(Customers.lost(id).build());
    for (int day = 0; day < 60; day++) {
      winBack.runDue();
      WinBackPlan plan = winBack.plan(id).orElseThrow();
      if (plan.steps().stream().anyMatch(s -> s.status() == StepStatus.FAILED)) {
        return plan;
      }
      clock.advance(Duration.ofDays(1));
    }
    throw new AssertionError("no step of " + id + " failed in 60 days");
  }

  /** The operator actions journalled for the customer. */
  List<JournalEvent> operatorActions(String id) {
    return winBack.history(id).stream()
        .filter(e -> e.type() == EventType.OPERATOR_ACTION)
        .toList();
  }
}
