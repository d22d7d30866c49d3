package dev.winback.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.model.ExitCategory;
import dev.winback.model.ExitReason;
import dev.winback.model.LostCustomer;
import dev.winback.model.ReasonSource;
import dev.winback.model.StepKind;
import dev.winback.spi.StepContext;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What a customer typed is merged as text: escaped in HTML, verbatim in the plain text and the subject. */
class EscapingTest {
  private static final String NAME = "<script>alert('name')</script> & Co";
  private static final String WORDS = "<script>alert(\"words\")</script> <b>never</b> again";

  private static StepContext hostile() {
    StepContext sample = Samples.context(
        Locale.ENGLISH, Situation.OUR_FAULT, Audience.CONSUMER, List.of(StepKind.APOLOGY));
    LostCustomer customer = LostCustomer.builder()
        .from(sample.customer())
        .displayName(NAME)
        .exitReasons(List.of(ExitReason.builder()
            .category(ExitCategory.SERVICE_FAILURE)
            .source(ReasonSource.SURVEY)
            .recordedAt(Samples.LOST_AT)
            .verbatim(WORDS)
            .build()))
        .build();
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

  @Test
  void theHtmlEscapesAHostileNameAndFeedback() {
    ComposedMessage message = Templates.defaults().compose(hostile());

    assertThat(message.html())
        .doesNotContain("<script>", "<b>never</b>")
        .contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt; &amp; Co")
        .contains(
            "&lt;script&gt;alert(&quot;words&quot;)&lt;/script&gt; &lt;b&gt;never&lt;/b&gt; again");
  }

  @Test
  void thePlainTextAndTheSubjectKeepWhatTheyTypedAsIs() {
    ComposedMessage message = Templates.defaults().compose(hostile());

    assertThat(message.text())
        .contains("Hello " + NAME + ",")
        .contains("“" + WORDS + "”")
        .doesNotContain("&lt;");
    assertThat(message.subject()).isEqualTo("We are sorry, " + NAME);
  }

  @Test
  void aLinkIsEscapedInItsAttributeWhereTheBrowserDecodesIt() {
    ComposedMessage message = Templates.defaults()
        .compose(Samples.context(
            Locale.ENGLISH,
            Situation.UNKNOWN,
            Audience.CONSUMER,
            List.of(StepKind.GRACEFUL_GOODBYE)));

    assertThat(message.html())
        .contains(
            "href=\"https://example.com/winback/come-back?token&#61;sample-en-unknown-consumer\"");
  }
}
