package dev.winback.message;

import java.util.Locale;

/**
 * A template as written: its id, language tag and brand ({@code ""} for every brand), and its subject, plain text
 * and HTML in Mustache. The layout has the id {@value #LAYOUT} and no subject.
 */
record Source(String id, String locale, String brand, String subject, String text, String html) {
  static final String LAYOUT = "layout";
  static final String ANY_BRAND = "";

  boolean layout() {
    return id.equals(LAYOUT);
  }

  String where() {
    return (layout() ? "layout" : "template " + id) + " (" + locale + ", "
        + (brand.isEmpty() ? "every brand" : "brand " + brand) + ")";
  }

  static String tag(Locale locale) {
    return locale.toLanguageTag();
  }
}
