package dev.winback.spi;

import dev.winback.model.ExitCategory;
import dev.winback.model.ReasonClassification;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stock reason classifier: phrase rules in English, German, French and Spanish, read clause by clause. A
 * phrase after a negation ("not the price") does not count; a bare topic in a clause that calls it fine ("the staff
 * were lovely") does not count; what follows "but" weighs more than what came before it, and a conceded clause
 * ("although ...") weighs less. The category with the most weight wins when it is clear enough, otherwise the
 * answer is {@link ExitCategory#UNKNOWN}. Stateless and thread-safe. Not API: use {@link ReasonClassifier#keywords()}.
 */
enum KeywordReasonClassifier implements ReasonClassifier {
  /** The one instance. */
  INSTANCE;

  /** Below this confidence the answer is UNKNOWN. */
  static final double MINIMUM_CONFIDENCE = 0.35;

  private static final Pattern SENTENCES =
      Pattern.compile("[.!?;:]+(?=\\s|$)|\\n+|\\s-\\s|\\(|\\)");
  private static final Pattern CLAUSES = Pattern.compile(",|\\s/\\s");
  private static final double BEFORE_CONTRAST = 0.6;
  private static final double AFTER_CONTRAST = 1.3;
  private static final double CONCEDED = 0.5;
  private static final int NEGATION_REACH = 3;

  /** Ties go to the category whose wrong omission costs most: first the irreversible, then our faults. */
  private static final List<ExitCategory> PRECEDENCE = List.of(
      ExitCategory.DECEASED,
      ExitCategory.LEGAL_HOLD,
      ExitCategory.DO_NOT_CONTACT,
      ExitCategory.TOO_MANY_MESSAGES,
      ExitCategory.STAFF_ATTITUDE,
      ExitCategory.SERVICE_FAILURE,
      ExitCategory.PRODUCT_QUALITY,
      ExitCategory.PRODUCT_CHANGE,
      ExitCategory.FELT_UNAPPRECIATED,
      ExitCategory.COMPETITOR_OFFER,
      ExitCategory.BUDGET_CUT,
      ExitCategory.PRICE,
      ExitCategory.MISSING_FEATURE,
      ExitCategory.MOVED,
      ExitCategory.NO_LONGER_NEEDED,
      ExitCategory.UNKNOWN);

  private static final Map<ReasonLanguage, List<Cues.Cue>> CUES = new EnumMap<>(Map.of(
      ReasonLanguage.ENGLISH, EnglishCues.cues().list(),
      ReasonLanguage.GERMAN, GermanCues.cues().list(),
      ReasonLanguage.FRENCH, FrenchCues.cues().list(),
      ReasonLanguage.SPANISH, SpanishCues.cues().list()));

  @Override
  public ExitCategory classify(String text, Locale locale) {
    return classification(text, locale).category();
  }

  @Override
  public ReasonClassification classification(String text, Locale locale) {
    String normalized = ReasonText.normalize(text);
    ReasonLanguage language = null;
    Map<ExitCategory, Double> scores = Map.of();
    double best = -1;
    for (ReasonLanguage candidate :
        ReasonLanguage.candidates(text, ReasonText.words(normalized), locale)) {
      Map<ExitCategory, Double> read = scores(normalized, candidate);
      double top = read.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
      if (top > best) {
        language = candidate;
        scores = read;
        best = top;
      }
    }
    if (language == null) {
      language = ReasonLanguage.ENGLISH;
    }
    Map<ExitCategory, Double> found = scores;
    List<ExitCategory> ranked = new ArrayList<>(found.keySet());
    ranked.sort(Comparator.comparing((ExitCategory c) -> -found.getOrDefault(c, 0.0))
        .thenComparingInt(PRECEDENCE::indexOf));
    ReasonClassification.Builder result = ReasonClassification.builder().language(language.code());
    if (ranked.isEmpty()) {
      return result.category(ExitCategory.UNKNOWN).confidence(0).build();
    }
    double top = found.getOrDefault(ranked.get(0), 0.0);
    double second = ranked.size() > 1 ? found.getOrDefault(ranked.get(1), 0.0) : 0;
    double confidence = (1 - Math.exp(-top / 2)) * top / (top + second);
    ExitCategory category = confidence >= MINIMUM_CONFIDENCE ? ranked.get(0) : ExitCategory.UNKNOWN;
    for (ExitCategory other : ranked) {
      if (other != category && found.getOrDefault(other, 0.0) >= Math.max(Cues.TOPIC, top / 3)) {
        result.addOthers(other);
      }
    }
    return result.category(category).confidence(Math.min(1, confidence)).build();
  }

  /** The weight of every category found in the text, read clause by clause. */
  static Map<ExitCategory, Double> scores(String normalized, ReasonLanguage language) {
    Map<ExitCategory, Double> scores = new EnumMap<>(ExitCategory.class);
    List<Cues.Cue> cues = CUES.getOrDefault(language, List.of());
    for (String sentence : SENTENCES.split(normalized)) {
      List<String> parts = new ArrayList<>();
      Matcher turn = language.contrast().matcher(sentence);
      int from = 0;
      while (turn.find()) {
        parts.add(sentence.substring(from, turn.start()));
        from = turn.start();
      }
      parts.add(sentence.substring(from));
      for (int p = 0; p < parts.size(); p++) {
        double partWeight =
            parts.size() == 1 ? 1 : p == parts.size() - 1 ? AFTER_CONTRAST : BEFORE_CONTRAST;
        for (String clause : CLAUSES.split(parts.get(p))) {
          double weight =
              partWeight * (language.concession().matcher(clause).find() ? CONCEDED : 1);
          boolean fine = saysFine(clause, language);
          for (Cues.Cue cue : cues) {
            if (cue.topic() && fine) {
              continue;
            }
            Matcher m = cue.pattern().matcher(clause);
            while (m.find()) {
              if (!negated(clause, m.start(), language) || saysNo(m.group(), language)) {
                scores.merge(cue.category(), weight * cue.weight(), Double::sum);
                break;
              }
            }
          }
        }
      }
    }
    return scores;
  }

  private static boolean saysFine(String clause, ReasonLanguage language) {
    Matcher m = language.fine().matcher(clause);
    while (m.find()) {
      if (!negated(clause, m.start(), language)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a phrase starts with a negation of its own ("not appreciated"), which a negation before it keeps. */
  private static boolean saysNo(String phrase, ReasonLanguage language) {
    List<String> words = ReasonText.words(phrase);
    return !words.isEmpty() && language.negates(words.get(0));
  }

  /** Whether one of the few words before a position negates what is there ("not only" does not). */
  private static boolean negated(String clause, int at, ReasonLanguage language) {
    List<String> before = ReasonText.words(clause.substring(0, at));
    for (int i = Math.max(0, before.size() - NEGATION_REACH); i < before.size(); i++) {
      String word = before.get(i);
      boolean onlyFollows = i + 1 < before.size()
          && (before.get(i + 1).equals("only")
              || before.get(i + 1).equals("nur")
              || before.get(i + 1).equals("seulement")
              || before.get(i + 1).equals("solo"));
      if (language.negates(word) && !onlyFollows) {
        return true;
      }
    }
    return false;
  }
}
