package dev.winback.spi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winback.InvalidInputException;
import dev.winback.Problem;
import dev.winback.model.ExitCategory;
import dev.winback.model.LabelledReason;
import dev.winback.model.ReasonClassification;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A reason classifier a host trains on its own labelled answers: multinomial naive Bayes over words, word pairs and
 * character n-grams (so typos and word forms still match), with words after a negation marked as negated. Pure
 * Java, saved and loaded as JSON. Below its minimum confidence it answers {@link ExitCategory#UNKNOWN}. Immutable
 * and thread-safe.
 *
 * <pre>{@code
 * TrainedReasonClassifier model = TrainedReasonClassifier.train(examples);
 * Files.writeString(path, model.toJson());
 * ReasonClassifier classifier = TrainedReasonClassifier.fromJson(Files.readString(path));
 * }</pre>
 */
public final class TrainedReasonClassifier implements ReasonClassifier {
  /** The minimum confidence unless another is given. */
  public static final double DEFAULT_MINIMUM_CONFIDENCE = 0.5;

  private static final String FORMAT = "winback-reason-naive-bayes";
  private static final int VERSION = 1;
  private static final double ALPHA = 0.1;
  private static final int NEGATION_REACH = 3;
  private static final int MAX_JSON_LENGTH = 64 * 1024 * 1024;
  private static final Set<String> NEGATORS = Set.of(
      "not", "no", "never", "nothing", "without", "don't", "didn't", "doesn't", "wasn't", "isn't",
      "can't", "cannot", "nicht", "kein", "keine", "keinen", "nie", "ohne", "pas", "jamais",
      "aucun", "aucune", "sans", "rien", "nunca", "sin", "ningun", "ninguna", "nada", "jamas");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<ExitCategory, Counts> counts;
  private final int vocabulary;
  private final int documents;
  private final double minimumConfidence;

  /** What training saw of one category. */
  private record Counts(int documents, long tokens, Map<String, Integer> features) {}

  private TrainedReasonClassifier(Map<ExitCategory, Counts> counts, double minimumConfidence) {
    this.counts = counts;
    this.minimumConfidence = minimumConfidence;
    java.util.HashSet<String> all = new java.util.HashSet<>();
    int docs = 0;
    for (Counts c : counts.values()) {
      all.addAll(c.features().keySet());
      docs += c.documents();
    }
    this.vocabulary = all.size();
    this.documents = docs;
  }

  /**
   * Trains a classifier with the default minimum confidence.
   *
   * @param examples labelled answers, at least one
   * @return the classifier
   * @throws InvalidInputException when there are no examples
   */
  public static TrainedReasonClassifier train(Collection<LabelledReason> examples) {
    return train(examples, DEFAULT_MINIMUM_CONFIDENCE);
  }

  /**
   * Trains a classifier.
   *
   * @param examples labelled answers, at least one
   * @param minimumConfidence below this probability of the best category the answer is UNKNOWN
   * @return the classifier
   * @throws InvalidInputException when there are no examples or the minimum confidence is not within [0, 1]
   */
  public static TrainedReasonClassifier train(
      Collection<LabelledReason> examples, double minimumConfidence) {
    Objects.requireNonNull(examples, "examples");
    List<Problem> problems = new ArrayList<>();
    if (examples.isEmpty()) {
      problems.add(new Problem("examples", "must not be empty"));
    }
    if (!(minimumConfidence >= 0 && minimumConfidence <= 1)) {
      problems.add(new Problem("minimumConfidence", "must be between 0 and 1"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("TrainedReasonClassifier", problems);
    }
    Map<ExitCategory, Map<String, Integer>> features = new EnumMap<>(ExitCategory.class);
    Map<ExitCategory, Integer> docs = new EnumMap<>(ExitCategory.class);
    for (LabelledReason example : examples) {
      Map<String, Integer> f = features.computeIfAbsent(example.category(), c -> new HashMap<>());
      for (String feature : features(example.text())) {
        f.merge(feature, 1, Integer::sum);
      }
      docs.merge(example.category(), 1, Integer::sum);
    }
    Map<ExitCategory, Counts> counts = new EnumMap<>(ExitCategory.class);
    features.forEach((category, f) -> counts.put(
        category,
        new Counts(
            docs.getOrDefault(category, 0),
            f.values().stream().mapToLong(Integer::longValue).sum(),
            Map.copyOf(f))));
    return new TrainedReasonClassifier(counts, minimumConfidence);
  }

  /**
   * The features of a text: its words (negated ones marked), pairs of words and character 3- and 4-grams.
   *
   * @param text the text
   * @return the features, repeated as often as they occur
   */
  static List<String> features(String text) {
    List<String> words = ReasonText.words(ReasonText.normalize(text));
    List<String> features = new ArrayList<>();
    int negatedUntil = -1;
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (NEGATORS.contains(word) || word.endsWith("n't")) {
        negatedUntil = i + NEGATION_REACH;
        features.add("w:" + word);
      } else {
        features.add((i <= negatedUntil ? "n:" : "w:") + word);
      }
      if (i > 0) {
        features.add("b:" + words.get(i - 1) + ' ' + word);
      }
      String padded = '^' + word + '$';
      for (int n = 3; n <= 4; n++) {
        for (int at = 0; at + n <= padded.length(); at++) {
          features.add("c:" + padded.substring(at, at + n));
        }
      }
    }
    return features;
  }

  @Override
  public ExitCategory classify(String text, Locale locale) {
    return classification(text, locale).category();
  }

  @Override
  public ReasonClassification classification(String text, Locale locale) {
    List<String> features = features(text);
    Map<ExitCategory, Double> logPosterior = new EnumMap<>(ExitCategory.class);
    double best = Double.NEGATIVE_INFINITY;
    for (Map.Entry<ExitCategory, Counts> entry : counts.entrySet()) {
      Counts c = entry.getValue();
      double denominator = Math.log(c.tokens() + ALPHA * (vocabulary + 1));
      double score = Math.log((double) c.documents() / documents);
      for (String feature : features) {
        score += Math.log(c.features().getOrDefault(feature, 0) + ALPHA) - denominator;
      }
      logPosterior.put(entry.getKey(), score);
      best = Math.max(best, score);
    }
    double total = 0;
    Map<ExitCategory, Double> probability = new EnumMap<>(ExitCategory.class);
    for (Map.Entry<ExitCategory, Double> entry : logPosterior.entrySet()) {
      double p = Math.exp(entry.getValue() - best);
      probability.put(entry.getKey(), p);
      total += p;
    }
    List<ExitCategory> ranked = new ArrayList<>(probability.keySet());
    ranked.sort((a, b) ->
        Double.compare(probability.getOrDefault(b, 0.0), probability.getOrDefault(a, 0.0)));
    double confidence = ranked.isEmpty() ? 0 : probability.getOrDefault(ranked.get(0), 0.0) / total;
    ExitCategory category = confidence >= minimumConfidence ? ranked.get(0) : ExitCategory.UNKNOWN;
    ReasonClassification.Builder result = ReasonClassification.builder()
        .category(category)
        .confidence(Math.max(0, Math.min(1, confidence)));
    for (ExitCategory other : ranked) {
      if (other != category
          && other != ExitCategory.UNKNOWN
          && probability.getOrDefault(other, 0.0) / total >= 0.2) {
        result.addOthers(other);
      }
    }
    return result.build();
  }

  /**
   * The minimum confidence below which the answer is UNKNOWN.
   *
   * @return the minimum confidence
   */
  public double minimumConfidence() {
    return minimumConfidence;
  }

  /**
   * The model as JSON, to store and load with {@link #fromJson(String)}. It holds the training texts' words and
   * fragments as counts, so treat it as the training data: personal data if they were.
   *
   * @return the JSON document
   */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("minimumConfidence", minimumConfidence);
    ObjectNode categories = root.putObject("categories");
    counts.forEach((category, c) -> {
      ObjectNode node = categories.putObject(category.name());
      node.put("documents", c.documents());
      ObjectNode features = node.putObject("features");
      c.features().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> features.put(e.getKey(), e.getValue()));
    });
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the model", e);
    }
  }

  /**
   * Loads a model saved with {@link #toJson()}.
   *
   * @param json the JSON document
   * @return the classifier
   * @throws InvalidInputException when the document is not such a model, naming every problem found
   */
  public static TrainedReasonClassifier fromJson(String json) {
    Objects.requireNonNull(json, "json");
    List<Problem> problems = new ArrayList<>();
    JsonNode root = null;
    if (json.length() > MAX_JSON_LENGTH) {
      problems.add(new Problem("", "is longer than " + MAX_JSON_LENGTH + " characters"));
    } else {
      try {
        root = JSON.readTree(json);
      } catch (JsonProcessingException e) {
        problems.add(new Problem("", "is not JSON (line " + e.getLocation().getLineNr() + ")"));
      }
    }
    Map<ExitCategory, Counts> counts = new EnumMap<>(ExitCategory.class);
    double minimumConfidence = DEFAULT_MINIMUM_CONFIDENCE;
    if (root != null) {
      if (!FORMAT.equals(root.path("format").asText())) {
        problems.add(new Problem("format", "must be " + FORMAT));
      }
      if (root.path("version").asInt(-1) != VERSION) {
        problems.add(new Problem("version", "must be " + VERSION));
      }
      JsonNode confidence = root.path("minimumConfidence");
      if (!confidence.isNumber() || confidence.asDouble() < 0 || confidence.asDouble() > 1) {
        problems.add(new Problem("minimumConfidence", "must be a number between 0 and 1"));
      } else {
        minimumConfidence = confidence.asDouble();
      }
      JsonNode categories = root.path("categories");
      if (!categories.isObject() || categories.isEmpty()) {
        problems.add(new Problem("categories", "must be an object with at least one category"));
      } else {
        readCategories(categories, counts, problems);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("TrainedReasonClassifier", problems);
    }
    return new TrainedReasonClassifier(counts, minimumConfidence);
  }

  private static void readCategories(
      JsonNode categories, Map<ExitCategory, Counts> counts, List<Problem> problems) {
    for (Map.Entry<String, JsonNode> field : categories.properties()) {
      String path = "categories." + field.getKey();
      ExitCategory category;
      try {
        category = ExitCategory.valueOf(field.getKey());
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(path, "is not an exit category"));
        continue;
      }
      JsonNode documents = field.getValue().path("documents");
      if (!documents.canConvertToInt() || documents.asInt() < 1) {
        problems.add(new Problem(path + ".documents", "must be a positive whole number"));
        continue;
      }
      Map<String, Integer> features = new HashMap<>();
      long tokens = 0;
      for (Map.Entry<String, JsonNode> entry : field.getValue().path("features").properties()) {
        if (!entry.getValue().canConvertToInt() || entry.getValue().asInt() < 1) {
          problems.add(
              new Problem(path + ".features", "must map features to positive whole numbers"));
          break;
        }
        features.put(entry.getKey(), entry.getValue().asInt());
        tokens += entry.getValue().asInt();
      }
      counts.put(category, new Counts(documents.asInt(), tokens, Map.copyOf(features)));
    }
  }

  @Override
  public String toString() {
    return "TrainedReasonClassifier{categories=" + counts.keySet() + ", documents=" + documents
        + ", features=" + vocabulary + ", minimumConfidence=" + minimumConfidence + "}";
  }
}
