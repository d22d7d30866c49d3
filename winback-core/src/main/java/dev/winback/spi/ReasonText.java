package dev.winback.spi;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How the reason classifiers see a customer's words: lower case, without accents, apostrophes and dashes made
 * plain, whitespace collapsed; and the words and character n-grams of such text. Stateless and thread-safe.
 */
final class ReasonText {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACE = Pattern.compile("\\s+");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}']+");

  private ReasonText() {}

  /**
   * The text as the classifiers read it.
   *
   * @param text the customer's words
   * @return lower case, accents removed ({@code é} is {@code e}, {@code ß} is {@code ss}), one space between words
   */
  static String normalize(String text) {
    String lower = text.toLowerCase(Locale.ROOT)
        .replace('\u2019', '\'')
        .replace('\u2018', '\'')
        .replace('`', '\'')
        .replace('\u00b4', '\'')
        .replace("\u00df", "ss")
        .replace("\u0153", "oe")
        .replace("\u00e6", "ae")
        .replace('\u2013', '-')
        .replace('\u2014', '-');
    String plain =
        MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    return SPACE.matcher(plain).replaceAll(" ").trim();
  }

  /**
   * The words of normalised text, apostrophes kept inside words ({@code don't}).
   *
   * @param normalized text from {@link #normalize(String)}
   * @return the words, in order
   */
  static List<String> words(String normalized) {
    List<String> words = new ArrayList<>();
    for (String word : NOT_WORD.split(normalized)) {
      String trimmed = trimApostrophes(word);
      if (!trimmed.isEmpty()) {
        words.add(trimmed);
      }
    }
    return words;
  }

  private static String trimApostrophes(String word) {
    int start = 0;
    int end = word.length();
    while (start < end && word.charAt(start) == '\'') {
      start++;
    }
    while (end > start && word.charAt(end - 1) == '\'') {
      end--;
    }
    return word.substring(start, end);
  }
}
