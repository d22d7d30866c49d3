package dev.winback.spi;

import dev.winback.model.ExitCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The phrases of one language that point to each exit category, each with a weight: decisive phrases ("passed
 * away", "too expensive"), strong ones, and bare topics ("price", "staff") that count only in a clause that does
 * not call the topic fine. Built once, then read-only and thread-safe.
 */
final class Cues {
  /** Weight of a decisive phrase. */
  static final double DECISIVE = 4;
  /** Weight of a phrase that clearly names a reason. */
  static final double STRONG = 3;
  /** Weight of a phrase that usually names a reason. */
  static final double MEDIUM = 2;
  /** Weight of a bare topic. */
  static final double TOPIC = 1;
  /** Weight of a topic too vague to decide alone. */
  static final double HINT = 0.6;

  /**
   * One phrase.
   *
   * @param category what it points to
   * @param pattern the phrase, matched at a word start in normalised text
   * @param weight how much it counts
   * @param topic whether it only names a topic (and so does not count where the topic is called fine)
   */
  record Cue(ExitCategory category, Pattern pattern, double weight, boolean topic) {}

  private final List<Cue> cues = new ArrayList<>();

  /** Adds decisive phrases. */
  Cues decisive(ExitCategory category, String... phrases) {
    return add(category, DECISIVE, false, phrases);
  }

  /** Adds strong phrases. */
  Cues strong(ExitCategory category, String... phrases) {
    return add(category, STRONG, false, phrases);
  }

  /** Adds medium phrases. */
  Cues medium(ExitCategory category, String... phrases) {
    return add(category, MEDIUM, false, phrases);
  }

  /** Adds bare topics. */
  Cues topic(ExitCategory category, String... phrases) {
    return add(category, TOPIC, true, phrases);
  }

  /** Adds vague topics. */
  Cues hint(ExitCategory category, String... phrases) {
    return add(category, HINT, true, phrases);
  }

  private Cues add(ExitCategory category, double weight, boolean topic, String... phrases) {
    cues.add(new Cue(
        category, Pattern.compile("\\b(?:" + String.join("|", phrases) + ")"), weight, topic));
    return this;
  }

  /** The phrases, in the order added. */
  List<Cue> list() {
    return List.copyOf(cues);
  }
}
