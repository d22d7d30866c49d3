package dev.winback.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.model.ExitTerms;
import dev.winback.model.Offer;
import dev.winback.model.OfferKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the pages say about an offer and what the customer keeps, in their language, escaped. */
class PagesTest {
  private static final Instant UNTIL = Instant.parse("2026-04-30T12:00:00Z");

  private static Offer offer(OfferKind kind, Offer.Builder builder) {
    return builder.kind(kind).expiresAt(UNTIL).build();
  }

  @Test
  void anOfferIsDescribedInTheCustomersLanguageAndNumberFormat() {
    Offer percent = offer(OfferKind.PERCENT_OFF, Offer.builder().value(new BigDecimal("20")));
    Offer amount = offer(
        OfferKind.AMOUNT_OFF,
        Offer.builder().value(new BigDecimal("10.5")).currency(Currency.getInstance("EUR")));
    Offer months = offer(OfferKind.FREE_PERIOD, Offer.builder().period(Period.ofMonths(2)));
    Offer days = offer(OfferKind.FREE_PERIOD, Offer.builder().period(Period.ofDays(14)));

    Texts en = Texts.in(Locale.ENGLISH);
    Texts de = Texts.in(Locale.GERMAN);
    assertThat(Pages.describe(en, percent)).isEqualTo("20% off");
    assertThat(Pages.describe(de, percent)).isEqualTo("20 % Rabatt");
    assertThat(Pages.describe(en, amount)).isEqualTo("€10.50 off");
    assertThat(Pages.describe(de, amount)).isEqualTo("10,50\u00a0€ Rabatt");
    assertThat(Pages.describe(Texts.in(Locale.FRENCH), months)).isEqualTo("2 mois offerts");
    assertThat(Pages.describe(Texts.in(new Locale("es")), days)).isEqualTo("14 días gratis");
  }

  @Test
  void theComeBackPageShowsTheOfferUntilWhenAndWhatTheyKeepEscaped() {
    Offer percent = offer(OfferKind.PERCENT_OFF, Offer.builder().value(new BigDecimal("20")));
    ExitTerms terms = ExitTerms.builder().addKeeps("Recipes & <notes>").build();

    String page = Pages.comeBack(Texts.in(Locale.GERMAN), "t", Optional.of(percent), terms);

    assertThat(page)
        .contains(
            "Ihr Angebot: 20 % Rabatt", "Gültig bis 30. April 2026.", "Recipes &amp; &lt;notes&gt;")
        .doesNotContain("<notes>");
  }

  @Test
  void everythingAPageShowsIsEscaped() {
    assertThat(Pages.esc("<a href=\"x\" onclick='y'>&</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  }
}
