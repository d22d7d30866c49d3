package dev.winback.message;

import dev.winback.model.ExitCategory;
import dev.winback.model.ExitReason;
import dev.winback.model.LostCustomer;
import dev.winback.model.Offer;
import dev.winback.model.OfferKind;
import dev.winback.model.PlanStep;
import dev.winback.spi.StepContext;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The merge fields a template may name, and their values for one part of one message, formatted for the message's
 * language. A field without a value is left out of the scope, so that a section over it ({@code {{#offer}}})
 * disappears and a plain use renders nothing.
 */
final class MergeFields {
  /** Every field a part template may name. */
  static final Set<String> PART_FIELDS = Set.of(
      "name",
      "company",
      "feedback",
      "changed",
      "offer",
      "offerExpires",
      "comeBackLink",
      "surveyLink",
      "unsubscribeLink",
      "keeps",
      "dataRetention",
      "guestAccess",
      "reminder");

  /** Every field the layout may name: a part's fields, and the parts themselves, the subject and the language. */
  static final Set<String> LAYOUT_FIELDS = union(PART_FIELDS, Set.of("parts", "subject", "lang"));

  /** Fields said once in a message of several parts: the later parts leave them out. */
  static final List<String> ONCE = List.of("feedback", "changed");

  private static final int MAX_FEEDBACK = 400;

  private MergeFields() {}

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  /** What a composer knows beyond the context: the phrases of the language, the host's words, its name. */
  record Settings(
      Map<String, String> phrases,
      Map<ExitCategory, String> changed,
      Optional<String> company,
      Locale locale) {}

  static Map<String, Object> of(StepContext context, PlanStep part, Settings settings) {
    LostCustomer customer = context.customer();
    Map<String, Object> scope = new HashMap<>();
    scope.put("name", customer.displayName());
    settings.company().ifPresent(c -> scope.put("company", c));
    feedback(customer).ifPresent(f -> scope.put("feedback", f));
    scope.put("changed", changed(customer, settings));
    part.offer().ifPresent(offer -> {
      scope.put("offer", offer(offer, customer, settings));
      scope.put("offerExpires", expiry(offer, customer, settings.locale()));
    });
    context.comeBackLink().ifPresent(link -> scope.put("comeBackLink", link));
    context.links().survey().ifPresent(link -> scope.put("surveyLink", link));
    context.links().unsubscribe().ifPresent(link -> scope.put("unsubscribeLink", link));
    if (!context.exitTerms().keeps().isEmpty()) {
      scope.put("keeps", list(context.exitTerms().keeps(), settings));
    }
    if (!context.exitTerms().dataRetention().isZero()) {
      scope.put("dataRetention", period(context.exitTerms().dataRetention(), settings));
    }
    if (context.exitTerms().guestAccess()) {
      scope.put("guestAccess", Boolean.TRUE);
    }
    if (context.reminder()) {
      scope.put("reminder", Boolean.TRUE);
    }
    return scope;
  }

  /** The customer's most recent words about why they left, shortened to a quotable length. */
  static Optional<String> feedback(LostCustomer customer) {
    return customer.exitReasons().stream()
        .filter(r -> r.verbatim().isPresent())
        .max(Comparator.comparing(ExitReason::recordedAt))
        .flatMap(ExitReason::verbatim)
        .map(String::strip)
        .filter(text -> !text.isEmpty())
        .map(text -> text.length() <= MAX_FEEDBACK
            ? text
            : text.substring(0, MAX_FEEDBACK).strip() + "…");
  }

  private static String changed(LostCustomer customer, Settings settings) {
    for (ExitReason reason : customer.exitReasons()) {
      String words = settings.changed().get(reason.category());
      if (words != null) {
        return words;
      }
    }
    return phrase(settings, "changed.default");
  }

  static String offer(Offer offer, LostCustomer customer, Settings settings) {
    Locale locale = settings.locale();
    String value = "";
    if (offer.value().isPresent()) {
      BigDecimal amount = offer.value().get();
      if (offer.kind() == OfferKind.PERCENT_OFF) {
        NumberFormat percent = NumberFormat.getPercentInstance(locale);
        percent.setMaximumFractionDigits(2);
        value = percent.format(amount.movePointLeft(2));
      } else {
        NumberFormat money = NumberFormat.getCurrencyInstance(locale);
        offer
            .currency()
            .or(() -> customer.value().map(v -> v.currency()))
            .ifPresent(money::setCurrency);
        value = money.format(amount);
      }
    }
    String period = offer.period().map(p -> period(p, settings)).orElse("");
    String base = "offer." + offer.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
    List<String> keys = new ArrayList<>();
    String valued = offer.value().isPresent() ? base + ".value" : base;
    if (offer.period().isPresent()) {
      keys.add(valued + ".period");
      keys.add(base + ".period");
    }
    keys.add(valued);
    keys.add(base);
    for (String key : keys) {
      String pattern = settings.phrases().get(key);
      if (pattern != null) {
        return new MessageFormat(pattern, locale).format(new Object[] {value, period});
      }
    }
    return phrase(settings, base);
  }

  private static String expiry(Offer offer, LostCustomer customer, Locale locale) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
        .withLocale(locale)
        .format(offer.expiresAt().atZone(customer.timeZone().orElse(ZoneOffset.UTC)));
  }

  static String period(Period period, Settings settings) {
    List<String> units = new ArrayList<>();
    if (period.getYears() > 0) {
      units.add(unit(settings, "period.year", period.getYears()));
    }
    if (period.getMonths() > 0) {
      units.add(unit(settings, "period.month", period.getMonths()));
    }
    if (period.getDays() > 0) {
      units.add(
          period.getDays() % 7 == 0
              ? unit(settings, "period.week", period.getDays() / 7)
              : unit(settings, "period.day", period.getDays()));
    }
    return list(units, settings);
  }

  private static String unit(Settings settings, String key, int count) {
    return new MessageFormat(phrase(settings, key), settings.locale()).format(new Object[] {count});
  }

  private static String list(List<String> items, Settings settings) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " " + phrase(settings, "and")
        + " " + items.get(items.size() - 1);
  }

  private static String phrase(Settings settings, String key) {
    String phrase = settings.phrases().get(key);
    if (phrase == null) {
      throw new IllegalStateException("the default copy has no phrase " + key);
    }
    return phrase;
  }
}
