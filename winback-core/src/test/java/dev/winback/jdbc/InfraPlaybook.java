package dev.winback.jdbc;

import dev.winback.model.ContactRules;
import dev.winback.model.Playbook;
import java.util.List;
import java.util.Map;

/** The standard playbook without caps or quiet hours, so infrastructure tests run on any wall clock. */
final class InfraPlaybook {
  private InfraPlaybook() {}

  static Playbook create() {
    return Playbook.builder()
        .from(Playbook.standard())
        .contactRules(ContactRules.builder()
            .caps(List.of())
            .reasonCaps(List.of())
            .allowedHours(Map.of())
            .build())
        .build();
  }
}
