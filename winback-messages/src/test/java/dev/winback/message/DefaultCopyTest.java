package dev.winback.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.model.StepKind;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The default copy: every step kind renders in every language, for every situation and audience. */
class DefaultCopyTest {
  private static final Templates TEMPLATES = Templates.defaults();

  static Stream<Arguments> languagesAndKinds() {
    return Samples.LOCALES.stream()
        .flatMap(locale -> Stream.of(StepKind.values()).map(kind -> Arguments.of(locale, kind)));
  }

  @ParameterizedTest(name = "{1} in {0}")
  @MethodSource("languagesAndKinds")
  void everyKindRendersInEveryLanguageForEverySituationAndAudience(Locale locale, StepKind kind) {
    SoftAssertions softly = new SoftAssertions();
    for (Situation situation : Situation.values()) {
      for (Audience audience : Audience.values()) {
        String sample = kind + "/" + situation + "/" + audience + "/" + locale;
        ComposedMessage message =
            TEMPLATES.compose(Samples.context(locale, situation, audience, List.of(kind)));

        softly.assertThat(message.locale()).as(sample).isEqualTo(locale);
        softly
            .assertThat(message.subject())
            .as(sample)
            .isNotBlank()
            .doesNotContain("{{", "}}", "\n");
        softly
            .assertThat(message.text())
            .as(sample)
            .isNotBlank()
            .doesNotContain("{{", "}}", "<p", "&amp;");
        softly
            .assertThat(message.html())
            .as(sample)
            .isNotBlank()
            .doesNotContain("{{", "}}")
            .contains("<p");
        softly
            .assertThat(message.text())
            .as(sample)
            .contains(Samples.customer(locale, situation, audience).displayName());
        softly.assertThat(message.templateIds()).as(sample).hasSize(1);
        softly
            .assertThat(message.templateIds().get(0))
            .as(sample)
            .startsWith(Template.kindId(kind) + ".");
        softly.assertThat(message.unsubscribeLink()).as(sample).isPresent();
        softly
            .assertThat(message.text())
            .as(sample)
            .contains(message.unsubscribeLink().orElseThrow());
        if (kind == StepKind.GRACEFUL_GOODBYE) {
          softly.assertThat(message.html()).as(sample).contains("come-back?token&#61;");
        }
        if (kind == StepKind.INCENTIVE_OFFER) {
          softly.assertThat(message.text()).as(sample).contains("20").contains("2026");
        }
      }
    }
    softly.assertAll();
  }

  @Test
  void everyShippedTemplateIsReachedBySomeCustomer() {
    for (Locale locale : Samples.LOCALES) {
      Set<String> used = new HashSet<>();
      for (StepKind kind : StepKind.values()) {
        for (Situation situation : Situation.values()) {
          for (Audience audience : Audience.values()) {
            used.addAll(TEMPLATES
                .compose(Samples.context(locale, situation, audience, List.of(kind)))
                .templateIds());
          }
        }
      }
      Set<String> shipped = DefaultCopy.of(locale.getLanguage()).sources().stream()
          .map(Source::id)
          .filter(id -> !id.equals(Source.LAYOUT))
          .collect(Collectors.toSet());
      assertThat(used).as(locale.toString()).isEqualTo(shipped);
    }
  }

  @Test
  void everyLanguageShipsTheSameTemplates() {
    Set<String> english = ids("en");
    for (String language : CopyFile.LANGUAGES) {
      assertThat(ids(language)).as(language).isEqualTo(english);
    }
    assertThat(english).hasSizeGreaterThan(30);
  }

  private static Set<String> ids(String language) {
    return DefaultCopy.of(language).sources().stream().map(Source::id).collect(Collectors.toSet());
  }

  @Test
  void tooManyMessagesGetsFewWordsAndNoPressure() {
    for (Locale locale : Samples.LOCALES) {
      for (StepKind kind : StepKind.values()) {
        ComposedMessage quiet = TEMPLATES.compose(
            Samples.context(locale, Situation.TOO_MANY_MESSAGES, Audience.CONSUMER, List.of(kind)));
        ComposedMessage usual = TEMPLATES.compose(
            Samples.context(locale, Situation.UNKNOWN, Audience.CONSUMER, List.of(kind)));
        assertThat(quiet.templateIds())
            .as(kind + " " + locale)
            .containsExactly(Template.kindId(kind) + ".too-many-messages");
        assertThat(quiet.text().length())
            .as(kind + " " + locale)
            .isLessThan(usual.text().length());
      }
    }
  }

  @Test
  void paragraphsStayApartWhenTheSectionBetweenThemIsEmpty() {
    ComposedMessage thanks = TEMPLATES.compose(Samples.context(
        Locale.ENGLISH, Situation.PRICE, Audience.CONSUMER, List.of(StepKind.THANK_YOU)));

    assertThat(thanks.text())
        .contains("working through what they tell us.\n\nWe would love to have you back one day")
        .doesNotContain("To say thank you");
  }

  @Test
  void theApologyTakesResponsibilityAndQuotesWhatTheyToldUs() {
    ComposedMessage apology = TEMPLATES.compose(Samples.context(
        Locale.ENGLISH, Situation.OUR_FAULT, Audience.CONSUMER, List.of(StepKind.APOLOGY)));

    assertThat(apology.subject()).isEqualTo("We are sorry, Alex Morgan");
    assertThat(apology.text())
        .contains("that is our responsibility")
        .contains("“The delivery was late twice, and nobody answered my e-mails.”")
        .contains("We have read every answer like yours");
  }

  @Test
  void theGoodbyeSaysWhatTheyKeepAndLeavesTheDoorOpen() {
    ComposedMessage goodbye = TEMPLATES.compose(Samples.context(
        Locale.GERMAN, Situation.UNKNOWN, Audience.CONSUMER, List.of(StepKind.GRACEFUL_GOODBYE)));

    assertThat(goodbye.text())
        .contains("Was Ihnen bleibt: Ihr Bestellverlauf und Ihre Merklisten.")
        .contains("Wir bewahren Ihre Daten 2 Jahre lang auf")
        .contains("als Gast anmelden")
        .contains(
            "Die Tür steht offen:\nhttps://example.com/winback/come-back?token=sample-de-unknown-consumer"
                + "\n\nWir wünschen Ihnen alles Gute.");
    assertThat(goodbye.marketing()).isFalse();
  }
}
