/**
 * What the customer reads: {@link dev.winback.message.MessageComposer} turns a step about to be sent into a
 * {@link dev.winback.message.ComposedMessage}; {@link dev.winback.message.Templates} is the stock composer, with
 * default copy in English, German, French and Spanish that hosts override by template id, locale and brand; and
 * {@link dev.winback.message.Gallery} renders every message on one page for a person to read.
 *
 * <h2>Templates</h2>
 *
 * <p>A template has a subject, a plain-text body and an HTML body, and an id {@code kind.situation[.audience]}:
 * the step kind ({@code feedback-request}, {@code apology}, {@code incentive-offer}, {@code re-engagement},
 * {@code follow-up}, {@code thank-you}, {@code second-chance-ask}, {@code graceful-goodbye}), the situation
 * ({@code our-fault}, {@code price}, {@code competitor}, {@code moved}, {@code too-many-messages},
 * {@code no-longer-needed}, {@code unknown}, or {@code default}) and, where the wording truly differs, the audience
 * ({@code consumer}, {@code business}, {@code donor}). The composer looks for {@code kind.situation.audience}, then
 * {@code kind.situation}, {@code kind.default.audience}, {@code kind.default}; in the customer's locale, then its
 * language, then English ({@code de-CH}, {@code de}, {@code en}); for the customer's brand (attribute
 * {@code brand}) before every brand.
 *
 * <p>The situation comes from the exit reasons: too many messages first, then any reason that was our fault, then
 * the primary category (price and budget cut: {@code price}; competitor offer: {@code competitor}; {@code moved};
 * {@code no-longer-needed}; anything else: {@code unknown}); with no reasons, a public complaint reads as our fault
 * and a switch as a competitor. The audience is the attribute {@code audience} when set; else stopped donations or
 * a segment naming donors make a donor; a contract not renewed or a segment naming a business, B2B, an enterprise or
 * a company make a business account; everyone else is a consumer.
 *
 * <h2>Merge fields</h2>
 *
 * <p>{@code name}; {@code company} (set on the builder); {@code feedback} (their latest words, at most 400
 * characters); {@code changed} (what the host changed about their reason, set per exit category on the builder,
 * else a neutral sentence); {@code offer} and {@code offerExpires} (the part's offer in words, amounts, percentages
 * and dates in the customer's formats); {@code comeBackLink}, {@code surveyLink}, {@code unsubscribeLink};
 * {@code keeps}, {@code dataRetention}, {@code guestAccess} (the exit terms); {@code reminder} (a feedback request
 * asked again). The layout also has {@code parts}, {@code subject} and {@code lang}. A field without a value is
 * absent, so a section over it ({@code {{#offer}}...{{/offer}}}) disappears.
 *
 * <h2>Why Mustache (mustache.java)</h2>
 *
 * <p>Hosts override templates at run time, so the engine must compile text given at run time (JTE compiles templates
 * ahead of time into classes, which rules it out) and must tell us, when a template is loaded, every field it names:
 * mustache.java parses a template through a visitor we extend, so every variable and section is seen with its line
 * at load time, and a template naming a field that does not exist fails then, not when a message is sent (Pebble
 * would need its strict-variables mode and a walk of its internal syntax tree). Mustache is logic-less, so a
 * template holds words, not code, which is what a copywriter should override; it escapes HTML by default, and the
 * plain-text and subject templates use the same engine with escaping switched off. mustache.java 0.9.x has no
 * dependencies of its own.
 *
 * <h2>Lint</h2>
 *
 * <p>Loading fails with one {@link dev.winback.ConfigurationException} listing every problem, each naming the
 * template id, locale, brand and part: an unknown merge field; a value left unescaped in HTML (only the layout's
 * {@code {{{parts}}}} may be); blame language in any of the four languages (e.g. "your fault", "Ihre Schuld",
 * "votre faute", "culpa suya"); a marketing message (an offer, a re-engagement, a second-chance ask, a follow-up)
 * whose template and layout lack {@code {{unsubscribeLink}}}; a goodbye whose words lack {@code {{comeBackLink}}};
 * a layout without the parts; a language without a layout or without a default template for every step kind.
 */
@NullMarked
package dev.winback.message;

import org.jspecify.annotations.NullMarked;
