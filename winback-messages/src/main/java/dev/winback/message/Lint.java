package dev.winback.message;

import dev.winback.model.StepKind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks every template passes when it is loaded, each problem naming the template id, language, brand and the
 * part (subject, text, html) with the field or phrase at fault: every merge field known; no value unescaped in HTML
 * but the layout's parts; no blame language in any of the four languages; an unsubscribe link in every marketing
 * message (in the template or the layout it is rendered in) and a way back in the words of every goodbye; a layout and a
 * default template of every step kind for every language.
 */
final class Lint {
  /** Phrases that blame the customer, per language; matched in every template whatever its language. */
  static final Map<String, List<String>> BLAME = Map.of(
      "en",
      List.of(
          "your fault",
          "your own fault",
          "your mistake",
          "your error",
          "you failed to",
          "you should have",
          "if you had",
          "you forgot to",
          "you did not read",
          "you didn't read",
          "user error",
          "you misunderstood",
          "you were wrong"),
      "de",
      List.of(
          "Ihre Schuld",
          "Ihr Fehler",
          "Ihr eigener Fehler",
          "Ihr Versäumnis",
          "Sie haben versäumt",
          "Sie hätten",
          "Sie haben vergessen",
          "deine Schuld",
          "dein Fehler",
          "du hättest",
          "Bedienfehler"),
      "fr",
      List.of(
          "votre faute",
          "votre erreur",
          "vous auriez dû",
          "vous avez oublié",
          "vous n'avez pas su",
          "vous vous êtes trompé",
          "ta faute",
          "ton erreur",
          "tu aurais dû",
          "erreur de l'utilisateur"),
      "es",
      List.of(
          "culpa suya",
          "su culpa",
          "tu culpa",
          "su error",
          "tu error",
          "usted debió",
          "usted debería haber",
          "deberías haber",
          "usted olvidó",
          "olvidaste",
          "se equivocó usted",
          "error del usuario"));

  /** Kinds whose messages promote something, so they must carry the unsubscribe link. */
  static final Set<StepKind> MARKETING = Set.of(
      StepKind.INCENTIVE_OFFER,
      StepKind.RE_ENGAGEMENT,
      StepKind.SECOND_CHANCE_ASK,
      StepKind.FOLLOW_UP);

  private static final List<Pattern> BLAME_PATTERNS = BLAME.values().stream()
      .flatMap(List::stream)
      .map(phrase -> Pattern.compile(
          "(?<!\\w)" + Pattern.quote(phrase) + "(?!\\w)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS))
      .toList();

  private Lint() {}

  static List<String> check(Catalog catalog) {
    Set<String> problems = new LinkedHashSet<>();
    Set<String> brands = new TreeSet<>();
    Set<String> languages = new TreeSet<>();
    for (Template template : catalog.all()) {
      brands.add(template.source().brand());
      if (template.source().layout()) {
        languages.add(template.source().locale());
      }
      syntax(template, problems);
      blame(template, problems);
    }
    for (String brand : brands) {
      for (Template template : catalog.all()) {
        String owner = template.source().brand();
        if (!template.source().layout()
            && (owner.equals(brand) || owner.isEmpty() && !shadowed(catalog, template, brand))) {
          links(catalog, template, brand, problems);
        }
      }
    }
    for (String language : languages) {
      if (!language.contains("-")) {
        for (StepKind kind : StepKind.values()) {
          String id = Template.kindId(kind) + ".default";
          if (catalog.exact(id, language, Source.ANY_BRAND).isEmpty()) {
            problems.add("template " + id + " (" + language
                + ", every brand): missing; a language with a layout"
                + " needs a default template for every step kind");
          }
        }
      }
    }
    for (Template template : catalog.all()) {
      String language = Locale.forLanguageTag(template.source().locale()).getLanguage();
      if (!languages.contains(language)) {
        problems.add(template.source().where() + ": no layout in " + language
            + "; add one with layout(...)");
      }
    }
    return List.copyOf(problems);
  }

  private static boolean shadowed(Catalog catalog, Template template, String brand) {
    return !brand.isEmpty()
        && catalog
            .exact(template.source().id(), template.source().locale(), brand)
            .isPresent();
  }

  private static void syntax(Template template, Set<String> problems) {
    Set<String> known =
        template.source().layout() ? MergeFields.LAYOUT_FIELDS : MergeFields.PART_FIELDS;
    Map<String, Parser.Parsed> parts =
        Map.of("subject", template.subject(), "text", template.text(), "html", template.html());
    for (String part : List.of("subject", "text", "html")) {
      Parser.Parsed parsed = parts.get(part);
      if (parsed == null) {
        continue;
      }
      String where = template.source().where() + ", " + part;
      for (String problem : parsed.problems()) {
        problems.add(where + ": " + problem);
      }
      for (Parser.Field field : parsed.fields()) {
        if (!known.contains(field.name()) && !field.name().equals(".")) {
          problems.add(where + ": unknown merge field {{" + field.name() + "}} (line "
              + field.line() + "); known fields: " + new TreeSet<>(known));
        } else if (part.equals("html")
            && field.unescaped()
            && !(template.source().layout() && field.name().equals("parts"))) {
          problems.add(where + ": {{{" + field.name() + "}}} is not escaped (line " + field.line()
              + "); write {{" + field.name() + "}}");
        }
      }
    }
    if (template.source().layout()) {
      for (String part : List.of("text", "html")) {
        Parser.Parsed parsed = part.equals("text") ? template.text() : template.html();
        if (!parsed.names("parts")) {
          problems.add(template.source().where() + ", " + part
              + ": the layout does not place the message's" + " parts; add {{{parts}}}");
        }
      }
    }
  }

  private static void blame(Template template, Set<String> problems) {
    Map<String, String> parts = Map.of(
        "subject", template.source().subject(),
        "text", template.source().text(),
        "html", template.source().html());
    for (String part : List.of("subject", "text", "html")) {
      String text = parts.getOrDefault(part, "").replace('’', '\'');
      for (Pattern pattern : BLAME_PATTERNS) {
        Matcher matcher = pattern.matcher(text);
        if (matcher.find()) {
          problems.add(template.source().where() + ", " + part + ": blames the customer (\""
              + matcher.group() + "\"); take responsibility instead");
        }
      }
    }
  }

  private static void links(
      Catalog catalog, Template template, String brand, Set<String> problems) {
    Optional<StepKind> kind = Template.kindOf(template.source().id());
    Optional<Template> layout =
        catalog.layout(Template.locales(Locale.forLanguageTag(template.source().locale())), brand);
    if (kind.isEmpty()
        || layout.isEmpty()
        || !template.loaded()
        || !layout.get().loaded()) {
      return;
    }
    String where = template.source().where()
        + (brand.equals(template.source().brand()) ? "" : " in the layout of" + " brand " + brand);
    boolean marketing = MARKETING.contains(kind.get())
        || template.text().names("offer")
        || template.html().names("offer");
    for (String part : List.of("text", "html")) {
      Parser.Parsed own = part.equals("text") ? template.text() : template.html();
      Parser.Parsed frame =
          part.equals("text") ? layout.get().text() : layout.get().html();
      if (marketing && !own.names("unsubscribeLink") && !frame.names("unsubscribeLink")) {
        problems.add(
            where + ", " + part + ": a marketing message without {{unsubscribeLink}}; put it in the"
                + " template or its layout");
      }
      if (kind.get() == StepKind.GRACEFUL_GOODBYE && !own.names("comeBackLink")) {
        problems.add(template.source().where() + ", " + part
            + ": a goodbye without a way back; say how to come" + " back with {{comeBackLink}}");
      }
    }
  }
}
