package dev.winback.message;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every loaded template by id, language tag and brand, and the lookup that falls back: for each language tag of the
 * locale (de-CH, de, en), for each id of the chain (most specific first), the brand's template before the one for
 * every brand. The language is tried first because a message in the customer's language with general words beats
 * one with precise words in a language they may not read.
 */
final class Catalog {
  private final Map<String, Template> templates = new LinkedHashMap<>();

  Catalog(Collection<Template> all) {
    for (Template template : all) {
      templates.put(
          key(
              template.source().id(),
              template.source().locale(),
              template.source().brand()),
          template);
    }
  }

  private static String key(String id, String locale, String brand) {
    return id + "|" + locale + "|" + brand;
  }

  Collection<Template> all() {
    return templates.values();
  }

  Optional<Template> exact(String id, String locale, String brand) {
    return Optional.ofNullable(templates.get(key(id, locale, brand)));
  }

  Optional<Template> resolve(List<String> ids, List<String> locales, String brand) {
    for (String locale : locales) {
      for (String id : ids) {
        Optional<Template> found = exact(id, locale, brand);
        if (found.isEmpty() && !brand.isEmpty()) {
          found = exact(id, locale, Source.ANY_BRAND);
        }
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  Optional<Template> layout(List<String> locales, String brand) {
    return resolve(List.of(Source.LAYOUT), locales, brand);
  }
}
