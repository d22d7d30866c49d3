package dev.winback.message;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One message as the customer will read it: a subject, a plain-text body and an HTML body, composed from every part
 * the message carries. Immutable.
 *
 * @param subject the subject line, plain text
 * @param text the plain-text body
 * @param html the HTML body, with every merged value escaped
 * @param locale the language it is written in
 * @param templateIds the templates it was composed from, one per part, in order
 * @param marketing whether it promotes anything (an offer, a way back), so that it must carry an unsubscribe link
 * @param unsubscribeLink the one-click unsubscribe link, for the {@code List-Unsubscribe} header
 */
public record ComposedMessage(
    String subject,
    String text,
    String html,
    Locale locale,
    List<String> templateIds,
    boolean marketing,
    Optional<String> unsubscribeLink) {
  /**
   * Checks every part is present.
   *
   * @param subject the subject
   * @param text the plain text
   * @param html the HTML
   * @param locale the language
   * @param templateIds the templates used
   * @param marketing whether it is marketing
   * @param unsubscribeLink the unsubscribe link, if any
   */
  public ComposedMessage {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(html, "html");
    Objects.requireNonNull(locale, "locale");
    templateIds = List.copyOf(templateIds);
    Objects.requireNonNull(unsubscribeLink, "unsubscribeLink");
  }
}
