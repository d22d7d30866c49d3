package dev.winback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winback.internal.PlanEdit;
import dev.winback.model.EventType;
import dev.winback.model.Limits;
import dev.winback.model.LostCustomer;
import dev.winback.model.Playbook;
import dev.winback.model.Suppression;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.PlanStore;
import dev.winback.spi.SuppressionList;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A customer's rights over their data: erasure (in the customer's fence, so no send starts after it returned),
 * access (everything held, as JSON, even records the store cannot read), and erasure when the exit terms' retention
 * has passed. Thread-safe.
 */
final class CustomerData {
  private static final Logger LOG = LoggerFactory.getLogger(CustomerData.class);
  private static final String ERASED_PREFIX = "erased-";

  private final Clock clock;
  private final PlanWriter writer;
  private final PlanStore store;
  private final SuppressionList suppressionList;
  private final Playbook playbook;

  CustomerData(Clock clock, PlanWriter writer, SuppressionList suppressionList, Playbook playbook) {
    this.clock = clock;
    this.writer = writer;
    this.store = writer.store();
    this.suppressionList = suppressionList;
    this.playbook = playbook;
  }

  void erase(String customerId) {
    Limits.requireValidId("customerId", customerId);
    writer.decide(customerId, () -> {
      List<WinBackPlan> plans = store.plans(customerId);
      List<String> unreadable = store.unreadableRecords(customerId);
      if (plans.isEmpty() && unreadable.isEmpty()) {
        return null;
      }
      for (WinBackPlan plan : plans) {
        suppressionList.add(plan.customer(), Suppression.ERASED);
      }
      Instant now = clock.instant();
      String anonymousId = ERASED_PREFIX + UUID.randomUUID();
      store.anonymise(
          customerId,
          anonymousId,
          plan -> Erasure.plan(plan, customerId, anonymousId, now),
          event -> Erasure.event(event, customerId, anonymousId));
      List<WinBackPlan> kept = store.plans(anonymousId);
      if (!kept.isEmpty()) {
        PlanEdit edit = new PlanEdit(kept.get(kept.size() - 1), now);
        edit.event(EventType.DATA_ERASED, "personal data erased on request; anonymous record kept");
        PlanEdit.Change change = edit.build();
        store.update(change.plan(), change.events());
      }
      LOG.info("Erased the personal data of a customer; anonymous record {}", anonymousId);
      return null;
    });
  }

  String export(String customerId) {
    Limits.requireValidId("customerId", customerId);
    List<WinBackPlan> plans = store.plans(customerId);
    List<String> unreadable = store.unreadableRecords(customerId);
    if (plans.isEmpty() && unreadable.isEmpty()) {
      throw new UnknownCustomerException(customerId);
    }
    ObjectMapper mapper = WinBackJson.mapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("customerId", customerId);
    root.put("exportedAt", clock.instant().toString());
    root.set("plans", mapper.valueToTree(plans));
    root.set("journal", mapper.valueToTree(store.journal(customerId)));
    root.set("contacts", mapper.valueToTree(store.contactHistory(customerId)));
    if (!unreadable.isEmpty()) {
      root.set("unreadableRecords", mapper.valueToTree(unreadable));
    }
    if (!plans.isEmpty()) {
      Optional<Suppression> suppressed =
          suppressionList.lookup(plans.get(plans.size() - 1).customer());
      suppressed.ifPresent(reason -> root.put("suppression", reason.name()));
    }
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the export", e);
    }
  }

  int eraseDataPastRetention() {
    Instant now = clock.instant();
    int erased = 0;
    String after = "";
    while (true) {
      List<String> page = store.customerIds(after, 500);
      if (page.isEmpty()) {
        return erased;
      }
      for (String customerId : page) {
        if (customerId.startsWith(ERASED_PREFIX)) {
          continue;
        }
        List<WinBackPlan> plans = store.plans(customerId);
        if (plans.isEmpty() || plans.stream().anyMatch(p -> p.status().isActive())) {
          continue;
        }
        LostCustomer customer = plans.get(plans.size() - 1).customer();
        Period retention = customer.exitTerms().orElse(playbook.exitTerms()).dataRetention();
        if (!customer
            .lostAt()
            .atZone(ZoneOffset.UTC)
            .plus(retention)
            .toInstant()
            .isAfter(now)) {
          erase(customerId);
          erased++;
        }
      }
      after = page.get(page.size() - 1);
    }
  }
}
