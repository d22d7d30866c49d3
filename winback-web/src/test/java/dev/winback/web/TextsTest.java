package dev.winback.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pages speak English, German, French and Spanish, each saying everything the others say. */
class TextsTest {

  @Test
  void everyLanguageSaysEverythingEnglishSays() {
    for (Locale language : Texts.LANGUAGES) {
      assertThat(Texts.in(language).keys())
          .as("texts in %s", language)
          .isEqualTo(Texts.in(Locale.ENGLISH).keys());
    }
  }

  @Test
  void everyReasonACustomerMayChooseHasWordsInEveryLanguage() {
    for (Locale language : Texts.LANGUAGES) {
      Pages.CHOICES.forEach(
          c -> assertThat(Texts.in(language).get("reason." + c.name())).isNotBlank());
    }
  }

  @Test
  void aRegionalLocaleGetsItsLanguageAndAnotherLanguageGetsEnglish() {
    assertThat(Texts.in(Locale.forLanguageTag("de-AT")).languageTag()).isEqualTo("de");
    assertThat(Texts.in(Locale.forLanguageTag("es-MX")).languageTag()).isEqualTo("es");
    assertThat(Texts.in(Locale.JAPANESE).languageTag()).isEqualTo("en");
  }

  @Test
  void aRefusalFollowsTheBrowsersPreferenceAmongTheLanguagesShipped() {
    assertThat(Texts.preferredBy(Optional.of("ja, es;q=0.8, de;q=0.5")).languageTag())
        .isEqualTo("es");
    assertThat(Texts.preferredBy(Optional.of("ja")).languageTag()).isEqualTo("en");
    assertThat(Texts.preferredBy(Optional.of(";;;not a header")).languageTag()).isEqualTo("en");
    assertThat(Texts.preferredBy(Optional.empty()).languageTag()).isEqualTo("en");
  }
}
