package dev.winback.spi;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The languages the stock reason classifier reads, with what it needs of each: the small words that tell the
 * language apart, the words that negate, the words that turn a sentence ("but") or concede ("although"), and the
 * phrases that say a topic was fine ("the price was fine"). Thread-safe.
 */
enum ReasonLanguage {
  /** English. */
  ENGLISH(
      "en",
      Set.copyOf(List.of(
          "the", "and", "to", "i", "you", "was", "is", "it", "my", "we", "too", "of", "for", "with",
          "your", "they", "have", "just", "a", "an", "that", "this", "me", "our", "were", "didn't",
          "don't", "because", "so", "from", "had", "much", "many", "after", "got", "at", "would",
          "what", "anymore", "it's", "i'm", "every", "up", "keep", "kept", "all", "be", "are",
          "there", "when", "very", "more", "could", "been", "will", "can", "if", "or", "but", "by",
          "their", "them", "us", "get", "never", "always", "still", "i've", "can't", "doesn't",
          "wasn't", "isn't", "just", "over", "off", "any", "out", "time", "now", "way")),
      "",
      Set.copyOf(List.of(
          "not",
          "no",
          "never",
          "nothing",
          "nor",
          "neither",
          "without",
          "hardly",
          "don't",
          "didn't",
          "doesn't",
          "wasn't",
          "weren't",
          "isn't",
          "aren't",
          "won't",
          "can't",
          "cannot",
          "couldn't",
          "wouldn't",
          "haven't",
          "hasn't",
          "hadn't",
          "dont",
          "didnt",
          "doesnt",
          "wasnt",
          "isnt",
          "cant",
          "wont",
          "nobody")),
      "\\b(?:but|however|though|yet|whereas|anyway|actually|the real reason|the main reason|mainly)\\b",
      "\\b(?:although|even though|even if|while|despite|apart from|besides|other than)\\b",
      "\\b(?:fine|ok|okay|good|great|lovely|nice|fair|reasonable|friendly|helpful|excellent|perfect|brilliant"
          + "|amazing|decent|wonderful|kind|competitive|polite|no complaints?|happy with|satisfied with"
          + "|nothing wrong with|nothing to do with|no problem with|no issue with"
          + "|(?:was|is|were|wasn't|isn't|weren't|not) (?:really )?(?:the|a|an|my|our) (?:problem|issue|reason)"
          + "|not (?:about|because of|due to))\\b"),
  /** German. */
  GERMAN(
      "de",
      Set.copyOf(List.of(
          "der", "die", "das", "und", "ich", "nicht", "ist", "zu", "wir", "mit", "ein", "eine",
          "es", "war", "sie", "mein", "meine", "auch", "kein", "keine", "wegen", "mehr", "habe",
          "hat", "uns", "bei", "fur", "einen", "dem", "den", "des", "sich", "aber", "nach", "viel",
          "zu", "immer", "ihr", "ihre", "wurde", "sind", "hatte", "bin", "schon", "nur", "jetzt",
          "da", "weil", "einfach", "leider", "gibt")),
      "\u00e4\u00f6\u00fc\u00df",
      Set.copyOf(List.of(
          "nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals", "nichts",
          "niemand", "ohne", "weder", "kaum")),
      "\\b(?:aber|jedoch|sondern|allerdings|trotzdem|dennoch|stattdessen|eigentlich|der eigentliche grund"
          + "|der hauptgrund|hauptsachlich|vielmehr)\\b",
      "\\b(?:obwohl|obgleich|zwar|auch wenn|wenn auch|abgesehen von|ausser)\\b",
      "\\b(?:gut|super|toll|okay|ok|in ordnung|fair|freundlich|nett|hilfsbereit|prima|angemessen|zufrieden"
          + "|klasse|top|kompetent|hoflich|gunstig genug|passt|war nicht das problem|nicht das problem"
          + "|lag nicht an|nicht wegen|kein problem|nichts auszusetzen|nichts zu tun)\\b"),
  /** French. */
  FRENCH(
      "fr",
      Set.copyOf(List.of(
          "le",
          "la",
          "les",
          "et",
          "je",
          "est",
          "pas",
          "de",
          "des",
          "un",
          "une",
          "trop",
          "mon",
          "ma",
          "mes",
          "nous",
          "vous",
          "pour",
          "avec",
          "plus",
          "j'ai",
          "c'est",
          "n'est",
          "ai",
          "etait",
          "du",
          "au",
          "aux",
          "ce",
          "qui",
          "que",
          "il",
          "elle",
          "sur",
          "chez",
          "votre",
          "vos",
          "notre",
          "on",
          "ne",
          "tres",
          "car",
          "parce",
          "depuis",
          "mais",
          "j'etais",
          "suis",
          "avait",
          "aucun",
          "rien",
          "aucune",
          "toujours",
          "en",
          "tout",
          "tous",
          "sans",
          "se",
          "sont",
          "leur",
          "m'a",
          "m'ont",
          "ont",
          "d'un",
          "d'une",
          "moi",
          "a",
          "y")),
      "\u00e7\u00e8\u00ea\u00e0\u00e2\u00ee\u00f4\u00fb\u0153\u00eb\u00e9",
      Set.copyOf(
          List.of("pas", "jamais", "aucun", "aucune", "rien", "sans", "ni", "personne", "guere")),
      "\\b(?:mais|cependant|pourtant|toutefois|par contre|en revanche|sauf que|plutot|en fait"
          + "|la vraie raison|la raison principale|surtout)\\b",
      "\\b(?:bien que|meme si|malgre|quoique|a part|hormis)\\b",
      "\\b(?:bien|bon|bons|bonne|bonnes|correct|correcte|corrects|raisonnable|raisonnables|sympa|sympathique"
          + "|aimable|aimables|gentil|gentils|gentille|gentilles|agreable|agreables|parfait|parfaite|excellent"
          + "|excellente|super|top|satisfait|satisfaite|competent|competents|honnete|pas le probleme"
          + "|n'etait pas le probleme|rien a voir|pas a cause|pas pour|aucun probleme|rien a redire)\\b"),
  /** Spanish. */
  SPANISH(
      "es",
      Set.copyOf(List.of(
          "el",
          "la",
          "los",
          "las",
          "y",
          "que",
          "es",
          "no",
          "de",
          "un",
          "una",
          "muy",
          "mi",
          "mis",
          "por",
          "para",
          "con",
          "me",
          "lo",
          "mas",
          "pero",
          "era",
          "se",
          "del",
          "al",
          "su",
          "sus",
          "nos",
          "porque",
          "ya",
          "ha",
          "han",
          "he",
          "fue",
          "demasiado",
          "demasiados",
          "demasiadas",
          "tengo",
          "tenia",
          "estaba",
          "nunca",
          "ningun",
          "ninguna",
          "nada",
          "esta",
          "este",
          "cuando",
          "tambien",
          "hay",
          "son",
          "sin",
          "a",
          "ahora",
          "otra",
          "otro",
          "en",
          "todo",
          "siempre",
          "le",
          "les",
          "estoy",
          "fui",
          "voy",
          "mucho",
          "mucha",
          "cada")),
      "\u00f1\u00bf\u00a1\u00e1\u00ed\u00f3\u00fa\u00e9",
      Set.copyOf(List.of(
          "no", "nunca", "jamas", "ningun", "ninguna", "ninguno", "nada", "sin", "ni", "nadie",
          "tampoco")),
      "\\b(?:pero|sin embargo|sino|no obstante|excepto|salvo que|en realidad|mas bien|la verdadera razon"
          + "|la razon principal|sobre todo|el motivo real)\\b",
      "\\b(?:aunque|a pesar de|si bien|aparte de|ademas de)\\b",
      "\\b(?:bien|bueno|buena|buenos|buenas|correcto|correcta|razonable|razonables|amable|amables|simpatico"
          + "|simpatica|agradable|agradables|perfecto|perfecta|excelente|excelentes|estupendo|genial|satisfecho"
          + "|satisfecha|contento|contenta|no era el problema|no fue el problema|nada que ver|no fue por"
          + "|no era por|ningun problema|competente|competentes)\\b");

  private final String code;
  private final Set<String> commonWords;
  private final String letters;
  private final Set<String> negators;
  private final Pattern contrast;
  private final Pattern concession;
  private final Pattern fine;

  ReasonLanguage(
      String code,
      Set<String> commonWords,
      String letters,
      Set<String> negators,
      String contrast,
      String concession,
      String fine) {
    this.code = code;
    this.commonWords = commonWords;
    this.letters = letters;
    this.negators = negators;
    this.contrast = Pattern.compile(contrast);
    this.concession = Pattern.compile(concession);
    this.fine = Pattern.compile(fine);
  }

  /** The ISO 639 code. */
  String code() {
    return code;
  }

  /** Words that turn a sentence: what follows them weighs more than what came before. */
  Pattern contrast() {
    return contrast;
  }

  /** Words that concede a point: the clause they open weighs less. */
  Pattern concession() {
    return concession;
  }

  /** Phrases that say a topic was fine or not the problem: bare topics in such a clause do not count. */
  Pattern fine() {
    return fine;
  }

  /** Whether a word negates what follows it. */
  boolean negates(String word) {
    return negators.contains(word) || (this == ENGLISH && word.endsWith("n't"));
  }

  /**
   * The languages to read a text in: the customer's locale when it is one of ours and the text does not clearly say
   * otherwise, the language the text clearly is, or the customer's and every language the text looks as much like when
   * it gives too little to tell (the reading that finds more wins, the customer's language on a tie).
   *
   * @param raw the text as written (accents tell languages apart)
   * @param words its normalised words
   * @param locale the customer's locale
   * @return the languages, the customer's first
   */
  static List<ReasonLanguage> candidates(String raw, List<String> words, Locale locale) {
    Map<ReasonLanguage, Double> scores = new EnumMap<>(ReasonLanguage.class);
    String lower = raw.toLowerCase(Locale.ROOT);
    ReasonLanguage best = ENGLISH;
    double bestScore = 0;
    for (ReasonLanguage language : values()) {
      double score = 0;
      for (String word : words) {
        if (language.commonWords.contains(word)) {
          score += 1;
        }
      }
      for (int i = 0; i < lower.length(); i++) {
        if (language.letters.indexOf(lower.charAt(i)) >= 0) {
          score += 0.5;
        }
      }
      scores.put(language, score);
      if (score > bestScore) {
        best = language;
        bestScore = score;
      }
    }
    Optional<ReasonLanguage> given = of(locale);
    if (given.isEmpty()) {
      List<ReasonLanguage> likely = new ArrayList<>();
      likely.add(best);
      for (ReasonLanguage language : values()) {
        double score = scores.getOrDefault(language, 0.0);
        if (language != best && score > 0 && score >= bestScore * 0.75) {
          likely.add(language);
        }
      }
      return likely;
    }
    double givenScore = scores.getOrDefault(given.get(), 0.0);
    if (bestScore >= 3 && givenScore < bestScore * 0.75) {
      return List.of(best);
    }
    List<ReasonLanguage> candidates = new ArrayList<>();
    candidates.add(given.get());
    for (ReasonLanguage language : values()) {
      double score = scores.getOrDefault(language, 0.0);
      if (language != given.get() && score > 0 && score >= givenScore) {
        candidates.add(language);
      }
    }
    return candidates;
  }

  /**
   * The language of a locale, when the classifier reads it.
   *
   * @param locale the locale
   * @return the language, empty for one it does not read
   */
  static Optional<ReasonLanguage> of(Locale locale) {
    for (ReasonLanguage language : values()) {
      if (language.code.equals(locale.getLanguage())) {
        return Optional.of(language);
      }
    }
    return Optional.empty();
  }
}
