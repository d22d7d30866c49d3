package dev.winback.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The pages' words in the languages shipped, loaded once from {@code texts_<language>.properties} (UTF-8). No
 * fallback to the JVM's default locale: a language not shipped is shown in English. Immutable.
 */
final class Texts {
  /** The languages the pages are written in, English first (the fallback). */
  static final List<Locale> LANGUAGES =
      List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH, new Locale("es"));

  private static final Map<String, Texts> BY_LANGUAGE =
      LANGUAGES.stream().collect(Collectors.toUnmodifiableMap(Locale::getLanguage, Texts::load));

  private final Locale locale;
  private final Properties words;

  private Texts(Locale locale, Properties words) {
    this.locale = locale;
    this.words = words;
  }

  /** The texts in the customer's language, or in English when it is not one shipped. */
  static Texts in(Locale locale) {
    return Optional.ofNullable(BY_LANGUAGE.get(locale.getLanguage()))
        .orElseGet(() -> BY_LANGUAGE.get(Locale.ENGLISH.getLanguage()));
  }

  /**
   * The language a browser prefers among those shipped, from its {@code Accept-Language} header; English when it
   * names none of them.
   */
  static Texts preferredBy(Optional<String> acceptLanguage) {
    try {
      List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage.orElse("en"));
      Locale match = Locale.lookup(ranges, LANGUAGES);
      return in(match == null ? Locale.ENGLISH : match);
    } catch (IllegalArgumentException malformed) {
      return in(Locale.ENGLISH);
    }
  }

  Locale locale() {
    return locale;
  }

  /** The language tag for the page's {@code lang} attribute. */
  String languageTag() {
    return locale.toLanguageTag();
  }

  String get(String key) {
    String text = words.getProperty(key);
    if (text == null) {
      throw new IllegalStateException("no text '" + key + "' in " + locale);
    }
    return text;
  }

  String get(String key, String argument) {
    return get(key).replace("{0}", argument);
  }

  /** The keys of every text, for the test that every language says everything. */
  Set<String> keys() {
    return words.stringPropertyNames();
  }

  private static Texts load(Locale locale) {
    String name = "texts_" + locale.getLanguage() + ".properties";
    Properties words = new Properties();
    try (InputStream in = Texts.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Texts(locale, words);
  }
}
