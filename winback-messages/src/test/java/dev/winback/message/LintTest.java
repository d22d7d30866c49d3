package dev.winback.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winback.ConfigurationException;
import dev.winback.model.ExitCategory;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Templates are checked when they are loaded, and every problem is reported at once. */
class LintTest {
  private static final String TEXT = "We are sorry.\n\nCome back: {{comeBackLink}}\n";
  private static final String HTML =
      "<p>We are sorry.</p><p><a href=\"{{comeBackLink}}\">Come back</a></p>";

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "en, 'We are sorry, but it was your fault.'",
    "en, 'You failed to read the terms.'",
    "de, 'Es tut uns leid, aber es war Ihre Schuld.'",
    "de, 'Das war Ihr Fehler.'",
    "fr, 'Nous sommes désolés, mais c’était votre faute.'",
    "fr, 'Vous auriez dû lire les conditions.'",
    "es, 'Lo sentimos, pero fue culpa suya.'",
    "es, 'Fue su culpa.'"
  })
  void aBlamePhraseFailsInEachLanguage(String language, String sentence) {
    Locale locale = Locale.forLanguageTag(language);

    assertThatThrownBy(() -> Templates.builder()
            .override(
                "apology.our-fault",
                locale,
                "Sorry",
                sentence + "\n\n" + TEXT,
                "<p>" + sentence + "</p>" + HTML)
            .build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(
            "template apology.our-fault (" + language + ", every brand), text: blames the customer")
        .hasMessageContaining("template apology.our-fault (" + language
            + ", every brand), html: blames the customer");
  }

  @Test
  void blameIsFoundInTheSubjectToo() {
    assertThatThrownBy(() -> Templates.builder()
            .override("apology.default", Locale.GERMAN, "Ihr Fehler, nicht unserer", TEXT, HTML)
            .build())
        .hasMessageContaining(
            "template apology.default (de, every brand), subject: blames the customer (\"Ihr Fehler\")");
  }

  @Test
  void aMissingMergeFieldFailsAtLoadNamingTemplateLocaleBrandAndPath() {
    assertThatThrownBy(() -> Templates.builder()
            .override(
                "thank-you.price",
                Locale.FRENCH,
                "acme",
                "Merci {{firstName}}",
                TEXT,
                HTML + "<p>{{offer.amount}}</p>")
            .build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(
            "template thank-you.price (fr, brand acme), subject: unknown merge field {{firstName}}")
        .hasMessageContaining(
            "template thank-you.price (fr, brand acme), html: unknown merge field {{offer.amount}}"
                + " (line 1)");
  }

  @Test
  void anUnescapedValueInHtmlFails() {
    assertThatThrownBy(() -> Templates.builder()
            .override(
                "thank-you.default", Locale.ENGLISH, "Thanks", TEXT, HTML + "<p>{{{feedback}}}</p>")
            .build())
        .hasMessageContaining(
            "template thank-you.default (en, every brand), html: {{{feedback}}} is not escaped");
  }

  @Test
  void aTemplateThatDoesNotParseFails() {
    assertThatThrownBy(() -> Templates.builder()
            .override("thank-you.default", Locale.ENGLISH, "Thanks", TEXT + "{{#offer}}", HTML)
            .build())
        .hasMessageContaining("template thank-you.default (en, every brand), text: does not parse");
  }

  @Test
  void aMarketingMessageWithoutAnUnsubscribeLinkFails() {
    assertThatThrownBy(() -> Templates.builder()
            .layout(
                Locale.ENGLISH,
                "bare",
                "Hello {{name}},\n\n{{{parts}}}\n",
                "<div>{{{parts}}}</div>")
            .build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(
            "template incentive-offer.default (en, every brand) in the layout of brand bare, text:"
                + " a marketing message without {{unsubscribeLink}}")
        .hasMessageContaining(
            "template re-engagement.default (en, every brand) in the layout of brand bare, html:")
        .hasMessageNotContaining("template apology.default (en, every brand) in the layout");
  }

  @Test
  void aMarketingTemplateCarryingItsOwnUnsubscribeLinkPassesInABareLayout() {
    Templates.Builder builder =
        Templates.builder().layout(Locale.ENGLISH, "bare", "{{{parts}}}", "<div>{{{parts}}}</div>");
    DefaultCopy.of("en").sources().stream()
        .map(Source::id)
        .filter(id -> id.matches(
            "(incentive-offer|re-engagement|follow-up|second-chance-ask|thank-you)\\..*"))
        .forEach(id -> builder.override(
            id,
            Locale.ENGLISH,
            "bare",
            "News",
            "News. {{unsubscribeLink}}",
            "<p><a href=\"{{unsubscribeLink}}\">Unsubscribe</a></p>"));

    assertThat(builder.build()).isNotNull();
  }

  @Test
  void aGoodbyeWithoutAWayBackFails() {
    assertThatThrownBy(() -> Templates.builder()
            .override(
                "graceful-goodbye.default",
                Locale.ENGLISH,
                "Goodbye",
                "Goodbye, {{name}}.",
                "<p>Goodbye, {{name}}.</p>")
            .build())
        .hasMessageContaining(
            "template graceful-goodbye.default (en, every brand), text: a goodbye without a way"
                + " back")
        .hasMessageContaining(
            "template graceful-goodbye.default (en, every brand), html: a goodbye without a way"
                + " back");
  }

  @Test
  void everyProblemIsReportedTogether() {
    assertThatThrownBy(() -> Templates.builder()
            .override(
                "apology.default",
                Locale.ENGLISH,
                "Sorry {{nme}}",
                "It was your fault.\n" + TEXT,
                HTML)
            .override(
                "graceful-goodbye.moved",
                Locale.GERMAN,
                "acme",
                "Tschüss",
                "Tschüss.",
                "<p>Tschüss.</p>")
            .layout(
                Locale.FRENCH,
                "",
                "Bonjour {{unsubscribeLink}}",
                "<div>{{{parts}}}{{unsubscribeLink}}</div>")
            .build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("the templates do not load (5 problems):")
        .hasMessageContaining(
            "template apology.default (en, every brand), subject: unknown merge field {{nme}}")
        .hasMessageContaining(
            "template apology.default (en, every brand), text: blames the customer (\"your fault\")")
        .hasMessageContaining(
            "template graceful-goodbye.moved (de, brand acme), text: a goodbye without a way back")
        .hasMessageContaining(
            "template graceful-goodbye.moved (de, brand acme), html: a goodbye without a way back")
        .hasMessageContaining(
            "layout (fr, every brand), text: the layout does not place the message's parts");
  }

  @Test
  void theBuilderChecksItsArgumentsAtOnce() {
    Templates.Builder builder = Templates.builder()
        .override("apology.default", Locale.ENGLISH, "Sorry", TEXT, HTML)
        .company("Acme")
        .whatWeChanged(ExitCategory.PRICE, Locale.ENGLISH, "Prices are lower.");

    assertThatThrownBy(
            () -> builder.override("apology.default", Locale.ENGLISH, "Sorry", TEXT, HTML))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("template apology.default (en, every brand) is already overridden");
    assertThatThrownBy(() -> builder.override("apology.sorry", Locale.ENGLISH, "Sorry", TEXT, HTML))
        .hasMessageContaining("apology.sorry is not a template id");
    assertThatThrownBy(
            () -> builder.override("apology.default.robot", Locale.ENGLISH, "Sorry", TEXT, HTML))
        .hasMessageContaining("is not a template id");
    assertThatThrownBy(() -> builder.override("apology.default", Locale.ROOT, "Sorry", TEXT, HTML))
        .hasMessageContaining("locale must name a language");
    assertThatThrownBy(() -> builder.override("apology.price", Locale.ENGLISH, " ", TEXT, HTML))
        .hasMessageContaining("subject must not be blank");
    assertThatThrownBy(() -> builder.company("Other"))
        .hasMessageContaining("company is already set to Acme");
    assertThatThrownBy(() -> builder.whatWeChanged(ExitCategory.PRICE, Locale.ENGLISH, "Again."))
        .hasMessageContaining("whatWeChanged(PRICE, en) is already set");
  }

  @Test
  void aNewLanguageNeedsALayoutAndADefaultForEveryKind() {
    assertThatThrownBy(() -> Templates.builder()
            .override("apology.default", Locale.ITALIAN, "Ci dispiace", TEXT, HTML)
            .build())
        .hasMessageContaining("template apology.default (it, every brand): no layout in it");
    assertThatThrownBy(() -> Templates.builder()
            .layout(
                Locale.ITALIAN,
                "",
                "Ciao {{name}},\n{{{parts}}}\n{{unsubscribeLink}}",
                "<div>{{{parts}}}" + "{{unsubscribeLink}}</div>")
            .build())
        .hasMessageContaining("template graceful-goodbye.default (it, every brand): missing");
  }

  @Test
  void theDefaultCopyPassesEveryCheck() {
    assertThat(Lint.check(new Catalog(CopyFile.LANGUAGES.stream()
            .flatMap(language -> DefaultCopy.of(language).sources().stream())
            .map(Template::parse)
            .toList())))
        .isEmpty();
  }
}
