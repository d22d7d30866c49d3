package dev.winback.web;

import dev.winback.InvalidInputException;
import dev.winback.LinkTarget;
import dev.winback.Redemption;
import dev.winback.TokenRejectedException;
import dev.winback.model.ExitCategory;
import dev.winback.model.Feedback;
import dev.winback.model.LinkPurpose;
import dev.winback.model.ReasonSource;
import dev.winback.model.WinBackPlan;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages behind the signed links in WinBack's messages, for any web server: {@code <base>/survey},
 * {@code <base>/come-back} and {@code <base>/unsubscribe}, each with {@code ?token=}. A {@code GET} only shows a page
 * (mail scanners follow links); a {@code POST} answers, protected against cross-site request forgery, except the
 * one-click unsubscribe of RFC 8058 ({@code List-Unsubscribe=One-Click}), which mail clients send without cookies.
 * A link that is tampered with, expired, used or for another page gets a page that says so, and changes nothing.
 * Every response forbids caching, framing, scripts and referrers. Built once with {@link #builder()}; immutable and thread-safe.
 */
public final class CustomerPages {
  /** The longest body a request may carry, in bytes; a longer one is refused with 413. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  /** The most characters a customer may write in the survey (what WinBack stores of their words). */
  static final int MAX_WORDS = dev.winback.model.Limits.MAX_TEXT_LENGTH;

  private static final Logger LOG = LoggerFactory.getLogger(CustomerPages.class);

  private final LinkDesk links;
  private final String basePath;
  private final String prefix;
  private final Clock clock;
  private final Csrf csrf;

  CustomerPages(LinkDesk links, String basePath, Clock clock, byte[] csrfSecret) {
    this.links = links;
    this.basePath = basePath;
    this.prefix = basePath.equals("/") ? "" : basePath;
    this.clock = clock;
    this.csrf = new Csrf(csrfSecret, clock);
  }

  /**
   * Starts building the pages.
   *
   * @return a new builder
   */
  public static CustomerPagesBuilder builder() {
    return new CustomerPagesBuilder();
  }

  /**
   * The path the pages are under, e.g. {@code /customer}: what a host mounts them at, and what the links WinBack
   * sends must point to.
   *
   * @return the base path
   */
  public String basePath() {
    return basePath;
  }

  /**
   * The longest body the pages accept, in bytes: an adapter needs to read at most one byte more.
   *
   * @return the limit
   */
  public int maxBodyBytes() {
    return MAX_BODY_BYTES;
  }

  /**
   * Answers one request.
   *
   * @param request the request
   * @return the response to send, never an exception
   */
  public WebResponse handle(WebRequest request) {
    Optional<LinkPurpose> purpose = purposeOf(request.path());
    if (purpose.isEmpty()) {
      return Responses.html(
          404,
          Pages.message(
              refusalTexts(request),
              "error.notFoundTitle",
              refusalTexts(request).get("error.notFound")));
    }
    if (!request.method().equals("GET") && !request.method().equals("POST")) {
      return Responses.notAllowed(refusalTexts(request));
    }
    if (tooLarge(request)) {
      return Responses.html(
          413,
          Pages.message(
              refusalTexts(request), "refused.title", refusalTexts(request).get("error.tooLarge")));
    }
    Optional<String> token =
        Forms.urlEncoded(request.query()).get("token").filter(s -> !s.isEmpty());
    if (token.isEmpty()) {
      return refused(request, TokenRejectedException.Reason.MALFORMED);
    }
    try {
      boolean post = request.method().equals("POST");
      return switch (purpose.get()) {
        case SURVEY -> post ? answerSurvey(request, token.get()) : showSurvey(request, token.get());
        case COME_BACK ->
          post ? comeBack(request, token.get()) : showComeBack(request, token.get());
        case UNSUBSCRIBE ->
          post ? unsubscribe(request, token.get()) : showUnsubscribe(request, token.get());
      };
    } catch (TokenRejectedException rejected) {
      return refused(request, rejected.reason());
    } catch (RuntimeException failed) {
      // the exception's message may name the customer: only its type is logged
      LOG.error(
          "customer page {} failed: {}", purpose.get().path(), failed.getClass().getName());
      return Responses.html(
          500,
          Pages.message(
              refusalTexts(request), "refused.title", refusalTexts(request).get("error.server")));
    }
  }

  private WebResponse showSurvey(WebRequest request, String token) {
    LinkTarget target = links.open(token, LinkPurpose.SURVEY);
    Texts t = Texts.in(target.locale());
    String nonce = csrf.nonceFor(Forms.cookies(request));
    String form = csrf.formToken(nonce, LinkPurpose.SURVEY.path(), token);
    return Responses.withCookie(
        Responses.html(200, Pages.survey(t, form, Optional.empty(), Optional.empty(), "", true)),
        Csrf.cookie(nonce, basePath));
  }

  private WebResponse answerSurvey(WebRequest request, String token) {
    LinkTarget target = links.open(token, LinkPurpose.SURVEY);
    Texts t = Texts.in(target.locale());
    Forms cookies = Forms.cookies(request);
    Forms form = Forms.body(request);
    if (!csrf.accepts(request, cookies, form, LinkPurpose.SURVEY.path(), token)) {
      return formRefused(t);
    }
    Optional<ExitCategory> chosen = form.get(Pages.FIELD_REASON).flatMap(CustomerPages::choice);
    String words = form.get(Pages.FIELD_WORDS).orElse("").strip();
    boolean keepInTouch = form.get(Pages.FIELD_KEEP_IN_TOUCH).isPresent();
    Optional<String> problem = Optional.empty();
    if (chosen.isEmpty() && words.isEmpty()) {
      problem = Optional.of(t.get("survey.missing"));
    } else if (words.length() > MAX_WORDS) {
      problem = Optional.of(t.get("survey.tooLong", String.valueOf(MAX_WORDS)));
    }
    if (problem.isEmpty()) {
      Feedback.Builder feedback =
          Feedback.builder().source(ReasonSource.SURVEY).receivedAt(clock.instant());
      if (!words.isEmpty()) {
        feedback.text(words);
      }
      chosen
          .filter(c -> c != ExitCategory.UNKNOWN || words.isEmpty())
          .ifPresent(feedback::category);
      try {
        links.answerSurvey(token, feedback.build(), keepInTouch);
        return Responses.html(200, Pages.thanks(t, keepInTouch));
      } catch (InvalidInputException invalid) {
        problem = Optional.of(t.get("survey.missing"));
      }
    }
    String nonce = csrf.nonceFor(cookies);
    String again = csrf.formToken(nonce, LinkPurpose.SURVEY.path(), token);
    return Responses.html(400, Pages.survey(t, again, problem, chosen, words, keepInTouch));
  }

  private WebResponse showComeBack(WebRequest request, String token) {
    LinkTarget target = links.open(token, LinkPurpose.COME_BACK);
    Texts t = Texts.in(target.locale());
    String nonce = csrf.nonceFor(Forms.cookies(request));
    String form = csrf.formToken(nonce, LinkPurpose.COME_BACK.path(), token);
    return Responses.withCookie(
        Responses.html(200, Pages.comeBack(t, form, target.offer(), target.exitTerms())),
        Csrf.cookie(nonce, basePath));
  }

  private WebResponse comeBack(WebRequest request, String token) {
    LinkTarget target = links.open(token, LinkPurpose.COME_BACK);
    Texts t = Texts.in(target.locale());
    if (!csrf.accepts(
        request,
        Forms.cookies(request),
        Forms.body(request),
        LinkPurpose.COME_BACK.path(),
        token)) {
      return formRefused(t);
    }
    Redemption back = links.comeBack(token);
    return Responses.html(200, Pages.cameBack(t, back.offer(), back.exitTerms()));
  }

  private WebResponse showUnsubscribe(WebRequest request, String token) {
    LinkTarget target = links.open(token, LinkPurpose.UNSUBSCRIBE);
    Texts t = Texts.in(target.locale());
    String nonce = csrf.nonceFor(Forms.cookies(request));
    String form = csrf.formToken(nonce, LinkPurpose.UNSUBSCRIBE.path(), token);
    return Responses.withCookie(
        Responses.html(200, Pages.unsubscribe(t, form)), Csrf.cookie(nonce, basePath));
  }

  private WebResponse unsubscribe(WebRequest request, String token) {
    Forms form = Forms.body(request);
    if (form.get("List-Unsubscribe").filter("One-Click"::equals).isPresent()) {
      // RFC 8058: the mail client posts without cookies or a form token; the signed link is the
      // proof
      WinBackPlan plan = links.unsubscribe(token);
      return Responses.html(200, Pages.unsubscribed(Texts.in(plan.customer().locale())));
    }
    LinkTarget target = links.open(token, LinkPurpose.UNSUBSCRIBE);
    Texts t = Texts.in(target.locale());
    if (!csrf.accepts(
        request, Forms.cookies(request), form, LinkPurpose.UNSUBSCRIBE.path(), token)) {
      return formRefused(t);
    }
    links.unsubscribe(token);
    return Responses.html(200, Pages.unsubscribed(t));
  }

  private static WebResponse formRefused(Texts t) {
    return Responses.html(403, Pages.message(t, "refused.title", t.get("refused.form")));
  }

  private static WebResponse refused(WebRequest request, TokenRejectedException.Reason reason) {
    Texts t = refusalTexts(request);
    String why = switch (reason) {
      case MALFORMED, UNKNOWN_KEY, BAD_SIGNATURE -> "refused.invalid";
      case EXPIRED -> "refused.expired";
      case ALREADY_USED -> "refused.used";
      case NOT_FOUND -> "refused.notFound";
      case WRONG_PURPOSE -> "refused.wrongPage";
    };
    int status = switch (reason) {
      case MALFORMED, UNKNOWN_KEY, BAD_SIGNATURE, WRONG_PURPOSE -> 400;
      case NOT_FOUND -> 404;
      case EXPIRED, ALREADY_USED -> 410;
    };
    return Responses.html(
        status, Pages.message(t, "refused.title", t.get(why), t.get("refused.next")));
  }

  /** A refused request's language: the browser's, since a link that does not work names no customer. */
  private static Texts refusalTexts(WebRequest request) {
    return Texts.preferredBy(request.header("Accept-Language"));
  }

  private static Optional<ExitCategory> choice(String value) {
    return Arrays.stream(ExitCategory.values())
        .filter(c -> c.name().equals(value))
        .filter(c -> Pages.CHOICES.contains(c) || c == ExitCategory.UNKNOWN)
        .findFirst();
  }

  private Optional<LinkPurpose> purposeOf(String path) {
    if (!path.startsWith(prefix + "/")) {
      return Optional.empty();
    }
    String page = path.substring(prefix.length() + 1);
    return Arrays.stream(LinkPurpose.values())
        .filter(p -> p.path().equals(page))
        .findFirst();
  }

  private static boolean tooLarge(WebRequest request) {
    Optional<Long> declared = request.header("Content-Length").flatMap(CustomerPages::parseLong);
    return declared.filter(length -> length > MAX_BODY_BYTES).isPresent()
        || request.body().getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES;
  }

  private static Optional<Long> parseLong(String value) {
    try {
      return Optional.of(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "CustomerPages[basePath=" + basePath + ", clock=" + clock + "]";
  }
}
