package dev.winback.message;

import dev.winback.model.Channel;
import dev.winback.model.ChurnSignal;
import dev.winback.model.Consent;
import dev.winback.model.ContactPoint;
import dev.winback.model.CustomerValue;
import dev.winback.model.ExitCategory;
import dev.winback.model.ExitReason;
import dev.winback.model.ExitTerms;
import dev.winback.model.LostCustomer;
import dev.winback.model.Offer;
import dev.winback.model.OfferKind;
import dev.winback.model.PlanStep;
import dev.winback.model.ReasonSource;
import dev.winback.model.StepKind;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.MessageLinks;
import dev.winback.spi.StepContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sample customers and contexts for the gallery: one customer per language, situation and audience, with every
 * merge field filled (their words, an offer, every link, what they keep). Fictional; example.com addresses.
 */
final class Samples {
  static final Instant LOST_AT = Instant.parse("2026-03-02T09:00:00Z");
  static final Instant NOW = Instant.parse("2026-03-20T09:00:00Z");
  static final List<Locale> LOCALES =
      List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH, Locale.forLanguageTag("es"));

  private static final Map<String, String> NAMES = Map.of(
      "en", "Alex Morgan", "de", "Jana Becker", "fr", "Camille Martin", "es", "Lucía García");
  private static final Map<String, List<String>> KEEPS = Map.of(
      "en", List.of("your order history", "your saved lists"),
      "de", List.of("Ihr Bestellverlauf", "Ihre Merklisten"),
      "fr", List.of("votre historique de commandes", "vos listes enregistrées"),
      "es", List.of("su historial de pedidos", "sus listas guardadas"));
  private static final Map<String, String> WORDS = Map.of(
      "en", "The delivery was late twice, and nobody answered my e-mails.",
      "de", "Die Lieferung kam zweimal zu spät, und niemand hat auf meine E-Mails geantwortet.",
      "fr", "La livraison est arrivée deux fois en retard, et personne n’a répondu à mes e-mails.",
      "es", "El envío llegó tarde dos veces y nadie respondió a mis correos.");

  private Samples() {}

  static StepContext context(
      Locale locale, Situation situation, Audience audience, List<StepKind> kinds) {
    LostCustomer customer = customer(locale, situation, audience);
    List<PlanStep> steps = new ArrayList<>();
    for (int i = 0; i < kinds.size(); i++) {
      steps.add(step(i, kinds.get(i)));
    }
    WinBackPlan plan = WinBackPlan.builder()
        .id(customer.id() + "@1")
        .playbook("gallery")
        .rule("sample")
        .rationale("a sample for the gallery")
        .startedAt(LOST_AT)
        .customer(customer)
        .steps(steps)
        .build();
    String token = customer.id();
    MessageLinks links = new MessageLinks(
        Optional.of("https://example.com/winback/survey?token=" + token),
        Optional.of("https://example.com/winback/come-back?token=" + token),
        Optional.of("https://example.com/winback/unsubscribe?token=" + token));
    ExitTerms terms = ExitTerms.builder()
        .keeps(KEEPS.getOrDefault(locale.getLanguage(), KEEPS.getOrDefault("en", List.of())))
        .comeBackLink("https://example.com/winback/come-back")
        .build();
    return new StepContext(
        customer,
        plan,
        steps.get(0),
        plan.id() + "/0",
        1,
        NOW,
        terms,
        Optional.empty(),
        steps,
        links);
  }

  static LostCustomer customer(Locale locale, Situation situation, Audience audience) {
    String id = "sample-" + locale.toLanguageTag() + "-" + situation.id() + "-" + audience.id();
    LostCustomer.Builder builder = LostCustomer.builder()
        .id(id)
        .displayName(NAMES.getOrDefault(locale.getLanguage(), "Alex Morgan"))
        .addContactPoint(ContactPoint.of(Channel.EMAIL, id + "@example.com", Consent.GRANTED))
        .locale(locale)
        .lostAt(LOST_AT)
        .customerSince(LOST_AT.minusSeconds(86_400L * 400))
        .value(CustomerValue.of("30", "600", "EUR"))
        .churnSignal(
            switch (audience) {
              case DONOR -> ChurnSignal.DONATIONS_STOPPED;
              case BUSINESS -> ChurnSignal.CONTRACT_NOT_RENEWED;
              case CONSUMER -> ChurnSignal.SUBSCRIPTION_CANCELLED;
            });
    if (audience == Audience.BUSINESS) {
      builder.segment("business");
    }
    category(situation)
        .ifPresent(category -> builder.addExitReason(ExitReason.builder()
            .category(category)
            .source(ReasonSource.SURVEY)
            .recordedAt(LOST_AT)
            .verbatim(WORDS.getOrDefault(locale.getLanguage(), ""))
            .build()));
    return builder.build();
  }

  static Optional<ExitCategory> category(Situation situation) {
    return switch (situation) {
      case OUR_FAULT -> Optional.of(ExitCategory.SERVICE_FAILURE);
      case PRICE -> Optional.of(ExitCategory.PRICE);
      case COMPETITOR -> Optional.of(ExitCategory.COMPETITOR_OFFER);
      case MOVED -> Optional.of(ExitCategory.MOVED);
      case TOO_MANY_MESSAGES -> Optional.of(ExitCategory.TOO_MANY_MESSAGES);
      case NO_LONGER_NEEDED -> Optional.of(ExitCategory.NO_LONGER_NEEDED);
      case UNKNOWN -> Optional.empty();
    };
  }

  static PlanStep step(int index, StepKind kind) {
    PlanStep.Builder step =
        PlanStep.builder().index(index).kind(kind).channel(Channel.EMAIL).dueAt(NOW);
    if (kind == StepKind.INCENTIVE_OFFER) {
      step.offer(Offer.builder()
          .kind(OfferKind.PERCENT_OFF)
          .value(new BigDecimal("20"))
          .period(Period.ofMonths(3))
          .expiresAt(Instant.parse("2026-04-30T21:59:00Z"))
          .build());
    }
    return step.build();
  }
}
