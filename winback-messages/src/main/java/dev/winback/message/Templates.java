package dev.winback.message;

import dev.winback.ConfigurationException;
import dev.winback.model.ExitCategory;
import dev.winback.model.LostCustomer;
import dev.winback.model.PlanStep;
import dev.winback.spi.StepContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The stock {@link MessageComposer}: the default copy in English, German, French and Spanish, with any template
 * the host overrides, loaded and linted once. Immutable and thread-safe.
 *
 * <p>Each part of a message is rendered from the template the fallback chain finds: for each language tag of the
 * customer's locale ({@code de-CH}, then {@code de}, then {@code en}), the ids {@code kind.situation.audience},
 * {@code kind.situation}, {@code kind.default.audience}, {@code kind.default}, the brand's template before the one
 * for every brand. The brand is the customer attribute {@code brand}. The parts go in order into the layout
 * (greeting, parts, sign-off, and a footer with what they keep, the way back and the unsubscribe link); the subject
 * is the lead part's. What they told us and what changed are said once, by the first part that says them.
 *
 * <p>The message is {@linkplain ComposedMessage#marketing() marketing} when any part promotes something: an
 * incentive offer, a re-engagement, a second-chance ask, a follow-up, or any part with an offer. Apologies,
 * thank-yous, feedback requests and goodbyes are not.
 */
public final class Templates implements MessageComposer {
  private final Catalog catalog;
  private final Map<String, Map<String, String>> phrases;
  private final Map<String, Map<ExitCategory, String>> changed;
  private final Optional<String> company;
  private final int overrides;

  private Templates(
      Catalog catalog,
      Map<String, Map<String, String>> phrases,
      Map<String, Map<ExitCategory, String>> changed,
      Optional<String> company,
      int overrides) {
    this.catalog = catalog;
    this.phrases = phrases;
    this.changed = changed;
    this.company = company;
    this.overrides = overrides;
  }

  /**
   * The default copy with no overrides, no company name and neutral words for what changed.
   *
   * @return the composer
   */
  public static Templates defaults() {
    return builder().build();
  }

  /**
   * Starts building a composer with overrides.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Composes one message from every part of the context, in the customer's language.
   *
   * @param context the step, its parts, the customer and the links
   * @return the message
   */
  @Override
  public ComposedMessage compose(StepContext context) {
    LostCustomer customer = context.customer();
    String brand = Optional.ofNullable(customer.attributes().get("brand"))
        .map(String::strip)
        .orElse("");
    List<String> locales = Template.locales(customer.locale());
    Template layout = catalog.layout(locales, brand).orElseThrow();
    String language = layout.source().locale();
    Locale messageLocale = Locale.forLanguageTag(language);
    Locale formats = customer.locale().getLanguage().equals(messageLocale.getLanguage())
        ? customer.locale()
        : messageLocale;
    MergeFields.Settings settings =
        new MergeFields.Settings(phrases(language), changed(locales), company, formats);
    Situation situation = Situation.of(customer);
    Audience audience = Audience.of(customer);

    List<String> ids = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    StringBuilder html = new StringBuilder();
    String subject = "";
    Map<String, Object> leadScope = Map.of();
    boolean marketing = false;
    Set<String> said = new HashSet<>();
    for (PlanStep part : context.parts()) {
      Template template = catalog
          .resolve(Template.chain(part.kind(), situation, audience), locales, brand)
          .orElseThrow(() -> new IllegalStateException("no template for " + part.kind()));
      Map<String, Object> scope = MergeFields.of(context, part, settings);
      scope.keySet().removeAll(said);
      if (ids.isEmpty()) {
        subject = template.subject().render(scope).strip().replaceAll("\\s+", " ");
        leadScope = scope;
      }
      ids.add(template.source().id());
      for (String once : MergeFields.ONCE) {
        if (template.text().names(once)) {
          said.add(once);
        }
      }
      texts.add(template.text().render(scope).replace(Markup.BREAK, "\n\n").strip());
      html.append(template.html().render(scope));
      marketing |= Lint.MARKETING.contains(part.kind()) || part.offer().isPresent();
    }
    Map<String, Object> frame = new HashMap<>(leadScope);
    frame.put("subject", subject);
    frame.put("lang", language);
    frame.put("parts", String.join("\n\n", texts));
    String text = tidy(layout.text().render(frame));
    frame.put("parts", html.toString());
    String body = layout.html().render(frame);
    return new ComposedMessage(
        subject, text, body, messageLocale, ids, marketing, context.links().unsubscribe());
  }

  private static String tidy(String text) {
    return text.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip() + "\n";
  }

  private Map<String, String> phrases(String language) {
    Map<String, String> merged = new HashMap<>(phrases.getOrDefault("en", Map.of()));
    merged.putAll(phrases.getOrDefault(Locale.forLanguageTag(language).getLanguage(), Map.of()));
    return merged;
  }

  private Map<ExitCategory, String> changed(List<String> locales) {
    Map<ExitCategory, String> words = new EnumMap<>(ExitCategory.class);
    for (String locale : locales) {
      changed.getOrDefault(locale, Map.of()).forEach(words::putIfAbsent);
    }
    return words;
  }

  /**
   * Describes the configuration.
   *
   * @return the number of templates and overrides, and whether a company name is set
   */
  @Override
  public String toString() {
    return "Templates{templates=" + catalog.all().size() + ", overrides=" + overrides + ", company="
        + company.isPresent() + "}";
  }

  /**
   * Builds {@link Templates}: overrides by template id, locale and brand, the host's words for what changed, its
   * name. Every argument is checked at once; setting the same thing twice fails. Not thread-safe.
   */
  public static final class Builder {
    private final Map<String, Source> overrides = new LinkedHashMap<>();
    private final Map<String, Map<ExitCategory, String>> changed = new HashMap<>();
    private Optional<String> company = Optional.empty();

    private Builder() {}

    /**
     * Replaces a template for every brand in one locale.
     *
     * @param id the template id, e.g. {@code apology.our-fault} or {@code graceful-goodbye.default.donor}
     * @param locale the locale, e.g. {@code Locale.GERMAN} or {@code Locale.forLanguageTag("de-CH")}
     * @param subject the subject, in Mustache
     * @param text the plain-text body, in Mustache
     * @param html the HTML body, in Mustache, values escaped
     * @return this builder
     * @throws ConfigurationException when the id is not a template id, an argument is blank, or the template is
     *     already overridden
     */
    public Builder override(String id, Locale locale, String subject, String text, String html) {
      return add(id, locale, Source.ANY_BRAND, subject, text, html);
    }

    /**
     * Replaces a template for one brand in one locale; the brand is the customer attribute {@code brand}.
     *
     * @param id the template id
     * @param locale the locale
     * @param brand the brand
     * @param subject the subject, in Mustache
     * @param text the plain-text body, in Mustache
     * @param html the HTML body, in Mustache, values escaped
     * @return this builder
     * @throws ConfigurationException when the id is not a template id, an argument is blank, or the template is
     *     already overridden
     */
    public Builder override(
        String id, Locale locale, String brand, String subject, String text, String html) {
      requireText(brand, "brand");
      return add(id, locale, brand.strip(), subject, text, html);
    }

    /**
     * Replaces the layout every message is rendered in, for one locale and brand ({@code ""} for every brand). It
     * must place {@code {{{parts}}}}, the one field it may leave unescaped.
     *
     * @param locale the locale
     * @param brand the brand, or {@code ""} for every brand
     * @param text the plain-text layout, in Mustache
     * @param html the HTML layout, in Mustache
     * @return this builder
     * @throws ConfigurationException when an argument is blank or the layout is already overridden
     */
    public Builder layout(Locale locale, String brand, String text, String html) {
      Objects.requireNonNull(brand, "brand");
      return add(Source.LAYOUT, locale, brand.strip(), "-", text, html);
    }

    /**
     * Says in the host's words what it changed about one reason customers leave, merged as {@code {{changed}}}
     * for customers who left for it; other customers read a neutral sentence.
     *
     * @param category the reason
     * @param locale the language of the words
     * @param words what changed, e.g. "Deliveries now arrive within two days."
     * @return this builder
     * @throws ConfigurationException when the words are blank or already set for the category and locale
     */
    public Builder whatWeChanged(ExitCategory category, Locale locale, String words) {
      Objects.requireNonNull(category, "category");
      String tag = tag(locale);
      requireText(words, "words");
      Map<ExitCategory, String> byCategory =
          changed.computeIfAbsent(tag, t -> new EnumMap<>(ExitCategory.class));
      if (byCategory.containsKey(category)) {
        throw new ConfigurationException(
            "whatWeChanged(" + category + ", " + tag + ") is already set; set it once");
      }
      byCategory.put(category, words.strip());
      return this;
    }

    /**
     * Names the sender, merged as {@code {{company}}} and used in the sign-off.
     *
     * @param name the company or brand name
     * @return this builder
     * @throws ConfigurationException when the name is blank or already set
     */
    public Builder company(String name) {
      requireText(name, "company");
      if (company.isPresent()) {
        throw new ConfigurationException(
            "company is already set to " + company.get() + "; set it once");
      }
      company = Optional.of(name.strip());
      return this;
    }

    /**
     * Loads the default copy and the overrides, parses every template and lints it.
     *
     * @return the composer
     * @throws ConfigurationException listing every problem found, each with its template id, locale, brand and
     *     the part and field at fault
     */
    public Templates build() {
      Map<String, Source> sources = new LinkedHashMap<>();
      Map<String, Map<String, String>> phrases = new HashMap<>();
      for (String language : CopyFile.LANGUAGES) {
        CopyFile copy = DefaultCopy.of(language);
        phrases.put(language, copy.phrases());
        for (Source source : copy.sources()) {
          sources.put(key(source.id(), source.locale(), source.brand()), source);
        }
      }
      sources.putAll(overrides);
      List<Template> templates = sources.values().stream().map(Template::parse).toList();
      Catalog catalog = new Catalog(templates);
      List<String> problems = Lint.check(catalog);
      if (!problems.isEmpty()) {
        throw new ConfigurationException(
            "the templates do not load (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):\n- " + String.join("\n- ", problems));
      }
      Map<String, Map<ExitCategory, String>> words = new HashMap<>();
      changed.forEach((tag, byCategory) ->
          words.put(tag, Collections.unmodifiableMap(new EnumMap<>(byCategory))));
      return new Templates(
          catalog, Map.copyOf(phrases), Map.copyOf(words), company, overrides.size());
    }

    private Builder add(
        String id, Locale locale, String brand, String subject, String text, String html) {
      Objects.requireNonNull(id, "id");
      if (!id.equals(Source.LAYOUT) && !Template.validId(id)) {
        throw new ConfigurationException(
            "override: " + id + " is not a template id; ids are"
                + " kind.situation[.audience] or kind.default[.audience], e.g. apology.our-fault, with kinds "
                + "feedback-request, apology, incentive-offer, re-engagement, follow-up, thank-you,"
                + " second-chance-ask, graceful-goodbye, situations our-fault, price, competitor, moved,"
                + " too-many-messages, no-longer-needed, unknown, and audiences consumer, business, donor");
      }
      String tag = tag(locale);
      requireText(subject, "subject");
      requireText(text, "text");
      requireText(html, "html");
      String key = key(id, tag, brand);
      if (overrides.containsKey(key)) {
        throw new ConfigurationException(new Source(id, tag, brand, "", "", "").where()
            + " is already overridden; override it once");
      }
      overrides.put(key, new Source(id, tag, brand, subject, text, html));
      return this;
    }

    private static String key(String id, String locale, String brand) {
      return id + "|" + locale + "|" + brand;
    }

    private static String tag(Locale locale) {
      Objects.requireNonNull(locale, "locale");
      if (locale.getLanguage().isEmpty()) {
        throw new ConfigurationException(
            "locale must name a language, e.g. Locale.GERMAN; got " + locale);
      }
      return Source.tag(locale);
    }

    private static void requireText(String value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isBlank()) {
        throw new ConfigurationException(name + " must not be blank");
      }
    }
  }
}
