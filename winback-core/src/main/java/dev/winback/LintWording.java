package dev.winback;

import dev.winback.model.Channel;
import dev.winback.model.PlanStep;
import dev.winback.model.StepKind;
import dev.winback.model.StepTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The lint rules on a step's wording and channel: no blame in an apology, no obstacle or call in a goodbye. */
final class LintWording {
  private static final Pattern BLAME = Pattern.compile(
      "\\b(you failed to|your (own )?(mistake|fault|error)|you should have|if you had|you did not|you didn'?t"
          + "|you forgot|user error|you misunderstood)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern OBSTACLE = Pattern.compile(
      "\\b(call us to (cancel|leave|close)|to (cancel|leave|close)[^.]{0,20}(call|phone|visit)|you cannot (leave|cancel)"
          + "|before you (can )?(leave|go|cancel)[^.]{0,20}must|cancellation fee|retention team will call"
          + "|speak to (an agent|us) to (cancel|leave))",
      Pattern.CASE_INSENSITIVE);

  private LintWording() {}

  static List<PlanLint.Finding> of(StepTemplate template, String where) {
    return of(template.kind(), template.channel(), template.message(), where);
  }

  static List<PlanLint.Finding> of(PlanStep step, String where) {
    return of(step.kind(), Optional.of(step.channel()), step.message(), where);
  }

  static List<PlanLint.Finding> of(
      StepKind kind, Optional<Channel> channel, Optional<String> message, String where) {
    List<PlanLint.Finding> findings = new ArrayList<>();
    if (kind == StepKind.APOLOGY
        && message.isPresent()
        && BLAME.matcher(message.get()).find()) {
      findings.add(new PlanLint.Finding(
          PlanLint.Severity.ERROR,
          "blame-language",
          where,
          "the apology blames the customer; take responsibility and say sorry instead"));
    }
    if (kind == StepKind.GRACEFUL_GOODBYE
        && message.isPresent()
        && OBSTACLE.matcher(message.get()).find()) {
      findings.add(new PlanLint.Finding(
          PlanLint.Severity.ERROR,
          "hostile-goodbye",
          where,
          "the goodbye puts an obstacle in the way of leaving; let them go gracefully"));
    }
    if (kind == StepKind.GRACEFUL_GOODBYE && channel.orElse(null) == Channel.PHONE) {
      findings.add(new PlanLint.Finding(
          PlanLint.Severity.ERROR,
          "hostile-goodbye",
          where,
          "a goodbye by phone is a save call; say goodbye in writing and leave the door open"));
    }
    return findings;
  }
}
