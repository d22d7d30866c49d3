package dev.winback.console;

import java.util.Arrays;
import java.util.Optional;

/** What an admin may do to a customer's plan from the console, each posted to {@code <path>/actions/<slug>}. */
enum Action {
  OPT_OUT("opt-out", "Opt out", "The customer is opted out."),
  SUPPRESS("suppress", "Suppress", "The customer is suppressed."),
  RETRY("retry", "Retry", "The step is pending again and due now."),
  PAUSE("pause", "Pause", "The plan is paused: its steps are not due until it is resumed."),
  RESUME("resume", "Resume", "The plan is resumed."),
  END("end", "End plan", "The plan is ended.");

  private final String slug;
  private final String label;
  private final String done;

  Action(String slug, String label, String done) {
    this.slug = slug;
    this.label = label;
    this.done = done;
  }

  /** The last segment of the action's URL. */
  String slug() {
    return slug;
  }

  /** The button's text. */
  String label() {
    return label;
  }

  /** What the customer page says after the action. */
  String done() {
    return done;
  }

  /** The action with this slug, if there is one. */
  static Optional<Action> of(String slug) {
    return Arrays.stream(values()).filter(a -> a.slug.equals(slug)).findFirst();
  }
}
