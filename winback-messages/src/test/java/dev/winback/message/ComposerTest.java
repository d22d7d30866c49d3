package dev.winback.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.model.ChurnSignal;
import dev.winback.model.ExitCategory;
import dev.winback.model.ExitReason;
import dev.winback.model.LostCustomer;
import dev.winback.model.ReasonSource;
import dev.winback.model.StepKind;
import dev.winback.spi.MessageLinks;
import dev.winback.spi.StepContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Composing: the template the fallback chain finds, overrides by id, locale and brand, and combined messages. */
class ComposerTest {
  private static final String TEXT = "Override for {{name}}. {{comeBackLink}}";
  private static final String HTML =
      "<p>Override for {{name}}. <a href=\"{{comeBackLink}}\">Back</a></p>";

  private static StepContext context(
      Locale locale, Situation situation, Audience audience, StepKind... kinds) {
    return Samples.context(locale, situation, audience, List.of(kinds));
  }

  private static StepContext withCustomer(StepContext sample, LostCustomer customer) {
    return new StepContext(
        customer,
        sample.plan(),
        sample.step(),
        sample.idempotencyKey(),
        1,
        sample.now(),
        sample.exitTerms(),
        sample.comeBackToken(),
        sample.parts(),
        sample.links());
  }

  private static StepContext withAttributes(
      StepContext sample, Locale locale, Map<String, String> attributes) {
    return withCustomer(
        sample,
        LostCustomer.builder()
            .from(sample.customer())
            .locale(locale)
            .attributes(attributes)
            .build());
  }

  @Test
  void aCombinedMessageCarriesEveryPartInOrderWithTheLeadsSubject() {
    ComposedMessage message = Templates.defaults()
        .compose(context(
            Locale.ENGLISH,
            Situation.OUR_FAULT,
            Audience.CONSUMER,
            StepKind.THANK_YOU,
            StepKind.INCENTIVE_OFFER));

    assertThat(message.templateIds())
        .containsExactly("thank-you.our-fault", "incentive-offer.our-fault");
    assertThat(message.subject()).isEqualTo("Thank you, and we have fixed it");
    assertThat(message.text())
        .containsOnlyOnce("Hello Alex Morgan,")
        .containsOnlyOnce("Warm regards,");
    assertThat(message.text().indexOf("Thank you for telling us where we fell short"))
        .isPositive()
        .isLessThan(
            message.text().indexOf("We would like to make it up to you: 20% off for 3 months"));
    assertThat(message.html()).containsOnlyOnce("<!DOCTYPE html>").contains("April 30, 2026");
    assertThat(message.text())
        .as("what changed and their words are said once, in the lead part")
        .containsOnlyOnce("We have read every answer like yours")
        .containsOnlyOnce("The delivery was late twice");
    assertThat(message.marketing()).isTrue();
  }

  @Test
  void onlyMessagesThatPromoteAreMarketing() {
    Templates templates = Templates.defaults();
    for (StepKind kind : StepKind.values()) {
      boolean promotes = kind == StepKind.INCENTIVE_OFFER
          || kind == StepKind.RE_ENGAGEMENT
          || kind == StepKind.SECOND_CHANCE_ASK
          || kind == StepKind.FOLLOW_UP;
      assertThat(templates
              .compose(context(Locale.ENGLISH, Situation.PRICE, Audience.CONSUMER, kind))
              .marketing())
          .as(kind.toString())
          .isEqualTo(promotes);
    }
  }

  @Test
  void theUnsubscribeLinkIsHandedOnForTheListUnsubscribeHeader() {
    StepContext sample =
        context(Locale.ENGLISH, Situation.PRICE, Audience.CONSUMER, StepKind.INCENTIVE_OFFER);
    ComposedMessage message = Templates.defaults().compose(sample);
    assertThat(message.unsubscribeLink()).isEqualTo(sample.links().unsubscribe());

    StepContext unlinked = new StepContext(
        sample.customer(),
        sample.plan(),
        sample.step(),
        sample.idempotencyKey(),
        1,
        sample.now(),
        sample.exitTerms(),
        sample.comeBackToken(),
        sample.parts(),
        MessageLinks.none());
    ComposedMessage bare = Templates.defaults().compose(unlinked);
    assertThat(bare.unsubscribeLink()).isEmpty();
    assertThat(bare.text()).doesNotContain("No more messages from us", "{{", "()");
  }

  @Test
  void theFallbackChainGoesFromSituationAndAudienceToTheKindsDefault() {
    Templates templates = Templates.defaults();

    assertThat(templates
            .compose(
                context(Locale.ENGLISH, Situation.MOVED, Audience.DONOR, StepKind.GRACEFUL_GOODBYE))
            .templateIds())
        .as("kind.situation before kind.default.audience")
        .containsExactly("graceful-goodbye.moved");
    assertThat(templates
            .compose(
                context(Locale.ENGLISH, Situation.PRICE, Audience.DONOR, StepKind.GRACEFUL_GOODBYE))
            .templateIds())
        .as("kind.default.audience when the situation has none")
        .containsExactly("graceful-goodbye.default.donor");
    assertThat(templates
            .compose(context(
                Locale.ENGLISH, Situation.PRICE, Audience.CONSUMER, StepKind.GRACEFUL_GOODBYE))
            .templateIds())
        .as("kind.default last")
        .containsExactly("graceful-goodbye.default");
  }

  @Test
  void theLocaleFallsBackFromRegionToLanguageToEnglish() {
    StepContext sample =
        context(Locale.GERMAN, Situation.PRICE, Audience.CONSUMER, StepKind.APOLOGY);
    Templates templates = Templates.builder()
        .override(
            "apology.default",
            Locale.forLanguageTag("de-CH"),
            "Entschuldigung, {{name}}",
            TEXT,
            HTML)
        .build();

    ComposedMessage swiss =
        templates.compose(withAttributes(sample, Locale.forLanguageTag("de-CH"), Map.of()));
    ComposedMessage austrian =
        templates.compose(withAttributes(sample, Locale.forLanguageTag("de-AT"), Map.of()));
    ComposedMessage italian = templates.compose(withAttributes(sample, Locale.ITALIAN, Map.of()));

    assertThat(swiss.subject()).isEqualTo("Entschuldigung, Jana Becker");
    assertThat(swiss.text()).startsWith("Hallo Jana Becker,").contains("Override for Jana Becker.");
    assertThat(swiss.locale()).isEqualTo(Locale.GERMAN);
    assertThat(austrian.subject()).isEqualTo("Es tut uns leid, Jana Becker");
    assertThat(italian.subject()).isEqualTo("We are sorry, Jana Becker");
    assertThat(italian.locale()).isEqualTo(Locale.ENGLISH);
  }

  @Test
  void anOverrideForABrandWinsForThatBrandsCustomersOnly() {
    StepContext sample =
        context(Locale.FRENCH, Situation.UNKNOWN, Audience.CONSUMER, StepKind.GRACEFUL_GOODBYE);
    Templates templates = Templates.builder()
        .override(
            "graceful-goodbye.default",
            Locale.FRENCH,
            "acme",
            "Au revoir de la part d’Acme",
            TEXT,
            HTML)
        .layout(
            Locale.FRENCH,
            "acme",
            "ACME\n{{{parts}}}\n{{unsubscribeLink}}",
            "<div>ACME {{{parts}}} <a href=\"{{unsubscribeLink}}\">Désabonnement</a></div>")
        .build();

    ComposedMessage acme =
        templates.compose(withAttributes(sample, Locale.FRENCH, Map.of("brand", "acme")));
    ComposedMessage other =
        templates.compose(withAttributes(sample, Locale.FRENCH, Map.of("brand", "globex")));

    assertThat(acme.subject()).isEqualTo("Au revoir de la part d’Acme");
    assertThat(acme.text()).startsWith("ACME\nOverride for Camille Martin.");
    assertThat(acme.html()).startsWith("<div>ACME <p>Override for Camille Martin.");
    assertThat(other.subject()).isEqualTo("Au revoir, Camille Martin");
    assertThat(other.text()).startsWith("Bonjour Camille Martin,");
  }

  @Test
  void theHostSaysWhatChangedAndWhoItIs() {
    Templates templates = Templates.builder()
        .whatWeChanged(
            ExitCategory.SERVICE_FAILURE,
            Locale.ENGLISH,
            "Every delivery is now tracked to your door.")
        .company("Acme Groceries")
        .build();

    ComposedMessage fixed = templates.compose(
        context(Locale.ENGLISH, Situation.OUR_FAULT, Audience.CONSUMER, StepKind.THANK_YOU));
    ComposedMessage otherReason = templates.compose(
        context(Locale.ENGLISH, Situation.PRICE, Audience.CONSUMER, StepKind.THANK_YOU));

    assertThat(fixed.text())
        .contains("so that it does not happen again. Every delivery is now tracked to your door.")
        .contains("Warm regards,\nAcme Groceries");
    assertThat(otherReason.text()).contains("We have read every answer like yours");
  }

  @Test
  void theOfferIsWrittenInTheLocalesFormats() {
    Templates templates = Templates.defaults();

    assertThat(templates
            .compose(context(
                Locale.GERMAN, Situation.PRICE, Audience.CONSUMER, StepKind.INCENTIVE_OFFER))
            .text())
        .containsPattern("20\\h%\\hRabatt für 3 Monate, gültig bis 30. April 2026");
    assertThat(templates
            .compose(context(
                Locale.FRENCH, Situation.PRICE, Audience.CONSUMER, StepKind.INCENTIVE_OFFER))
            .text())
        .containsPattern("20\\h%\\hde réduction pendant 3 mois, valable jusqu’au 30 avril 2026");
    assertThat(templates
            .compose(context(
                Locale.forLanguageTag("es"),
                Situation.PRICE,
                Audience.CONSUMER,
                StepKind.INCENTIVE_OFFER))
            .text())
        .containsPattern(
            "un 20\\h%\\hde descuento durante 3 meses, válido hasta el 30 de abril de 2026");
  }

  @Test
  void theSituationFollowsTheExitReasonsAndTheAudienceTheSignalAndSegment() {
    LostCustomer base = Samples.customer(Locale.ENGLISH, Situation.UNKNOWN, Audience.CONSUMER);

    assertThat(Situation.of(base)).isEqualTo(Situation.UNKNOWN);
    assertThat(Situation.of(LostCustomer.builder()
            .from(base)
            .addExitReason(ExitReason.of(ExitCategory.PRICE, ReasonSource.SURVEY, Samples.LOST_AT))
            .addExitReason(
                ExitReason.of(ExitCategory.TOO_MANY_MESSAGES, ReasonSource.SURVEY, Samples.LOST_AT))
            .build()))
        .as("their wish for quiet comes first")
        .isEqualTo(Situation.TOO_MANY_MESSAGES);
    assertThat(Situation.of(LostCustomer.builder()
            .from(base)
            .addExitReason(ExitReason.of(ExitCategory.PRICE, ReasonSource.SURVEY, Samples.LOST_AT))
            .addExitReason(
                ExitReason.of(ExitCategory.STAFF_ATTITUDE, ReasonSource.SURVEY, Samples.LOST_AT))
            .build()))
        .as("our fault before the primary reason")
        .isEqualTo(Situation.OUR_FAULT);
    assertThat(Situation.of(LostCustomer.builder()
            .from(base)
            .addExitReason(
                ExitReason.of(ExitCategory.BUDGET_CUT, ReasonSource.SURVEY, Samples.LOST_AT))
            .build()))
        .isEqualTo(Situation.PRICE);
    assertThat(Situation.of(LostCustomer.builder()
            .from(base)
            .churnSignal(ChurnSignal.PUBLIC_COMPLAINT)
            .build()))
        .isEqualTo(Situation.OUR_FAULT);

    assertThat(Audience.of(base)).isEqualTo(Audience.CONSUMER);
    assertThat(Audience.of(
            LostCustomer.builder().from(base).segment("B2B enterprise").build()))
        .isEqualTo(Audience.BUSINESS);
    assertThat(Audience.of(LostCustomer.builder()
            .from(base)
            .churnSignal(ChurnSignal.DONATIONS_STOPPED)
            .build()))
        .isEqualTo(Audience.DONOR);
    assertThat(Audience.of(LostCustomer.builder()
            .from(base)
            .attributes(Map.of("audience", "donor"))
            .build()))
        .isEqualTo(Audience.DONOR);
  }
}
