package dev.winback.message;

import dev.winback.model.StepKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A loaded template: its source and its three parsed parts. Ids name a step kind, a situation (or
 * {@code default}) and optionally an audience: {@code apology.our-fault}, {@code graceful-goodbye.default.donor}.
 */
record Template(Source source, Parser.Parsed subject, Parser.Parsed text, Parser.Parsed html) {

  static Template parse(Source source) {
    String name = source.id() + "@" + source.locale() + "/" + source.brand();
    return new Template(
        source,
        Parser.text(source.subject(), name + "/subject"),
        Parser.text(source.text(), name + "/text"),
        Parser.html(source.html(), name + "/html"));
  }

  boolean loaded() {
    return subject.mustache().isPresent()
        && text.mustache().isPresent()
        && html.mustache().isPresent();
  }

  /** Whether both bodies name a field (the subject does not count). */
  boolean bodiesName(String field) {
    return text.names(field) && html.names(field);
  }

  static String kindId(StepKind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static Optional<StepKind> kindOf(String id) {
    String kind = id.contains(".") ? id.substring(0, id.indexOf('.')) : id;
    for (StepKind candidate : StepKind.values()) {
      if (kindId(candidate).equals(kind)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Tells whether an id names a template a composer can use: kind, situation or default, optional audience. */
  static boolean validId(String id) {
    String[] parts = id.split("\\.", -1);
    if (parts.length < 2 || parts.length > 3 || kindOf(id).isEmpty()) {
      return false;
    }
    boolean situation = parts[1].equals("default");
    for (Situation candidate : Situation.values()) {
      situation |= candidate.id().equals(parts[1]);
    }
    return situation && (parts.length == 2 || Audience.ofId(parts[2]).isPresent());
  }

  /** The ids to try, most specific first: kind.situation.audience, kind.situation, kind.default.audience, kind.default. */
  static List<String> chain(StepKind kind, Situation situation, Audience audience) {
    String k = kindId(kind);
    List<String> ids = new ArrayList<>();
    ids.add(k + "." + situation.id() + "." + audience.id());
    ids.add(k + "." + situation.id());
    ids.add(k + ".default." + audience.id());
    ids.add(k + ".default");
    return ids;
  }

  /** The language tags to try for a locale: de-CH, then de, then en. */
  static List<String> locales(Locale locale) {
    List<String> tags = new ArrayList<>();
    String full = locale.toLanguageTag();
    if (!full.equals("und")) {
      tags.add(full);
    }
    if (!locale.getLanguage().isEmpty() && !tags.contains(locale.getLanguage())) {
      tags.add(locale.getLanguage());
    }
    if (!tags.contains("en")) {
      tags.add("en");
    }
    return tags;
  }
}
