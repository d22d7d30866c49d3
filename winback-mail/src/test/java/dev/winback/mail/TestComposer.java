package dev.winback.mail;

import dev.winback.message.ComposedMessage;
import dev.winback.message.MessageComposer;
import dev.winback.spi.StepContext;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written composer: a German subject and body with non-ASCII characters, the unsubscribe link from the
 * step's links, and a marketing flag set by the test. Counts its calls. Thread-safe.
 */
final class TestComposer implements MessageComposer {
  static final String SUBJECT = "Schön, dass Sie da waren, Grüße aus Köln — 10 € für Sie ✓";
  static final String TEXT =
      "Hallo,\nwir würden uns freuen, Sie wiederzusehen. Ihr Gutschein: 10 €.\n";
  static final String HTML =
      "<!doctype html><html lang=\"de\"><body><p>Hallo,</p><p>wir würden uns freuen &amp; mehr: 10 €.</p></body></html>";

  private final boolean marketing;
  private final AtomicInteger calls = new AtomicInteger();

  TestComposer(boolean marketing) {
    this.marketing = marketing;
  }

  /** A composer of service messages (not marketing). */
  static TestComposer service() {
    return new TestComposer(false);
  }

  /** A composer of marketing messages. */
  static TestComposer marketing() {
    return new TestComposer(true);
  }

  int calls() {
    return calls.get();
  }

  @Override
  public ComposedMessage compose(StepContext context) {
    calls.incrementAndGet();
    String unsubscribe =
        context.links().unsubscribe().map(link -> "\nAbmelden: " + link).orElse("");
    return new ComposedMessage(
        SUBJECT,
        TEXT + unsubscribe,
        HTML,
        Locale.GERMANY,
        List.of("test." + context.step().kind()),
        marketing,
        context.links().unsubscribe());
  }
}
