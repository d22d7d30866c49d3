package dev.winback.console;

import dev.winback.ConcurrentUpdateException;
import dev.winback.InvalidInputException;
import dev.winback.Operations;
import dev.winback.StoreException;
import dev.winback.UnknownCustomerException;
import dev.winback.WinBack;
import dev.winback.insight.InsightReport;
import dev.winback.model.JournalEvent;
import dev.winback.model.Limits;
import dev.winback.model.Suppression;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.QuarantinedPlan;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The console's request handlers, as Spring MVC functional routes under the configured path: four pages that read
 * and one action endpoint that changes a plan. Every request is first judged by {@link Operator#of}; every action
 * also needs the admin role and a genuine form ({@link ActionTokens}), calls the engine's {@link Operations} with the
 * operator's name so that the journal says who did it, and answers with a redirect to the customer's page. Thread-safe.
 */
final class Console {
  private static final Logger LOG = LoggerFactory.getLogger(Console.class);
  private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
  private static final int FAILURES_ON_OVERVIEW = 10;
  private static final int PAGE = 50;
  private static final String NOT_AN_ID =
      "<p class=\"error\" id=\"error\">That is not a customer id: ids" + " have at most "
          + Limits.MAX_ID_LENGTH + " characters and no control characters.</p>\n";

  private final WinBack winBack;
  private final ConsoleProperties properties;
  private final ActionTokens tokens;
  private final Insights insights;
  private final Clock clock;

  Console(
      WinBack winBack,
      ConsoleProperties properties,
      ActionTokens tokens,
      Insights insights,
      Clock clock) {
    this.winBack = winBack;
    this.properties = properties;
    this.tokens = tokens;
    this.insights = insights;
    this.clock = clock;
  }

  /** The console's routes. */
  RouterFunction<ServerResponse> routes() {
    String base = properties.path();
    return RouterFunctions.route()
        .GET(base, r -> read(r, this::overview))
        .GET(base + "/customer", r -> read(r, this::customer))
        .GET(base + "/failures", r -> read(r, this::failures))
        .GET(base + "/report", r -> read(r, this::report))
        .GET(base + "/report/full", r -> read(r, this::fullReport))
        .POST(base + "/actions/{action}", this::act)
        .build();
  }

  @FunctionalInterface
  private interface Page {
    ServerResponse show(ServerRequest request, Operator operator);
  }

  private ServerResponse read(ServerRequest request, Page page) {
    Operator.Access access = Operator.of(request.servletRequest(), properties);
    if (access instanceof Operator.Refused refused) {
      return refusal(
          refused.status(), refused.status() == 401 ? "Sign in" : "Not allowed", refused.why());
    }
    Operator operator = ((Operator.Granted) access).operator();
    try {
      return page.show(request, operator);
    } catch (StoreException e) {
      LOG.warn("the WinBack console cannot read the plan store: {}", e.getMessage());
      return refusal(
          503, "Store unreachable", "The plan store cannot be read just now; try again shortly.");
    }
  }

  private ServerResponse overview(ServerRequest request, Operator operator) {
    Operations operations = winBack.operations();
    String body = Pages.overview(
        base(request),
        operations.planCounts(),
        operations.backlog(),
        clock.instant(),
        operations.recentFailures(FAILURES_ON_OVERVIEW),
        operations.quarantined("", FAILURES_ON_OVERVIEW),
        operations.recentActions(FAILURES_ON_OVERVIEW),
        operator);
    return page(request, 200, "Overview", operator, body);
  }

  private ServerResponse failures(ServerRequest request, Operator operator) {
    Operations operations = winBack.operations();
    String after = request.param("after").orElse("");
    List<JournalEvent> failures = operations.recentFailures(PAGE);
    List<QuarantinedPlan> quarantined = operations.quarantined(after, PAGE);
    return page(
        request,
        200,
        "Failures",
        operator,
        Pages.failures(base(request), failures, quarantined, PAGE, operator));
  }

  private ServerResponse customer(ServerRequest request, Operator operator) {
    Optional<String> id = request.param("id").map(String::trim).filter(s -> !s.isEmpty());
    if (id.isEmpty()) {
      return page(request, 200, "Customer", operator, Pages.lookup(base(request), ""));
    }
    if (!isCustomerId(id.get())) {
      return page(request, 400, "Customer", operator, Pages.lookup(base(request), "") + NOT_AN_ID);
    }
    Optional<String> notice = request.param("done").flatMap(Action::of).map(Action::done);
    return customerPage(request, operator, id.get(), 200, notice, Optional.empty());
  }

  private ServerResponse customerPage(
      ServerRequest request,
      Operator operator,
      String id,
      int status,
      Optional<String> notice,
      Optional<String> error) {
    Optional<WinBackPlan> plan = winBack.plan(id);
    if (plan.isEmpty()) {
      return page(
          request,
          404,
          "Customer",
          operator,
          Pages.lookup(base(request), id)
              + "<p class=\"error\" id=\"error\">No plan for the customer " + Html.esc(id)
              + ".</p>\n");
    }
    Optional<Pages.FormTokens> forms = operator.admin()
        ? Optional.of(new Pages.FormTokens(
            tokens.tokenFor(operator.actingName(), id),
            SpringSecurityCsrf.field(request.servletRequest())))
        : Optional.empty();
    return page(
        request,
        status,
        "Customer " + id,
        operator,
        Pages.customer(
            base(request), operator, plan.get(), winBack.history(id), forms, notice, error));
  }

  private ServerResponse report(ServerRequest request, Operator operator) {
    Optional<InsightReport> report = insights.report(operator, clock.instant());
    return page(
        request,
        200,
        "Report",
        operator,
        report.map(r -> Pages.report(base(request), r)).orElseGet(Pages::noReport));
  }

  private ServerResponse fullReport(ServerRequest request, Operator operator) {
    Optional<InsightReport> report = insights.report(operator, clock.instant());
    if (report.isEmpty()) {
      return page(request, 404, "Report", operator, Pages.noReport());
    }
    String html = report.get().toHtml();
    int from = html.indexOf("<style>");
    int to = html.indexOf("</style>");
    String style = from >= 0 && to > from ? html.substring(from + "<style>".length(), to) : "";
    String policy = "default-src 'none'; style-src '" + Html.hashOf(style)
        + "'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
    return respond(200, html, policy);
  }

  private ServerResponse act(ServerRequest request) {
    HttpServletRequest servlet = request.servletRequest();
    Operator.Access access = Operator.of(servlet, properties);
    if (access instanceof Operator.Refused refused) {
      return refusal(
          refused.status(), refused.status() == 401 ? "Sign in" : "Not allowed", refused.why());
    }
    Operator operator = ((Operator.Granted) access).operator();
    if (!operator.admin()) {
      return refusal(
          403,
          "Not allowed",
          "Only operators with the role " + properties.adminRole()
              + " may act on plans; the console is" + " read-only for you.");
    }
    Optional<Action> action = Action.of(request.pathVariable("action"));
    Optional<String> customer = request.param("customer").filter(s -> !s.isEmpty());
    if (!tokens.accepts(servlet, operator.actingName(), customer.orElse(""))) {
      return refusal(
          403,
          "Form refused",
          "The form did not come from this console, was made for another operator or customer, or is older than "
              + ActionTokens.VALID_HOURS
              + " hours. Open the customer's page again and repeat the action.");
    }
    if (action.isEmpty() || customer.isEmpty()) {
      return refusal(400, "Bad request", "The action or the customer is missing.");
    }
    String id = customer.get();
    if (!isCustomerId(id)) {
      return refusal(400, "Bad request", "That is not a customer id.");
    }
    Optional<Suppression> suppression = request.param("suppression").flatMap(Console::suppression);
    Optional<Integer> step = request.param("step").flatMap(Console::step);
    if (action.get() == Action.SUPPRESS && suppression.isEmpty()) {
      return refusal(
          400, "Bad request", "Choose one of " + Arrays.toString(Suppression.values()) + ".");
    }
    if (action.get() == Action.RETRY && step.isEmpty()) {
      return refusal(400, "Bad request", "The step to retry is missing.");
    }
    try {
      Operations operations = winBack.operations();
      String by = operator.actingName();
      switch (action.get()) {
        case OPT_OUT -> operations.optOut(id, by);
        case SUPPRESS -> operations.suppress(id, suppression.orElseThrow(), by);
        case RETRY -> operations.retryStep(id, step.orElseThrow(), by);
        case PAUSE -> operations.pause(id, by);
        case RESUME -> operations.resume(id, by);
        case END -> operations.end(id, by);
      }
    } catch (UnknownCustomerException e) {
      return refusal(404, "Unknown customer", "No plan for the customer " + id + ".");
    } catch (InvalidInputException e) {
      return customerPage(
          request,
          operator,
          id,
          409,
          Optional.empty(),
          Optional.of(Objects.requireNonNullElse(
              e.getMessage(), "The action does not apply to this plan.")));
    } catch (ConcurrentUpdateException e) {
      return customerPage(
          request,
          operator,
          id,
          409,
          Optional.empty(),
          Optional.of(
              "The plan changed while the action was being recorded (a runner was working on it); nothing"
                  + " was changed by this action. Look at the plan and try again."));
    } catch (StoreException e) {
      LOG.warn("the WinBack console cannot change a plan: {}", e.getMessage());
      return refusal(
          503,
          "Store unreachable",
          "The plan store cannot be changed just now; try again shortly.");
    }
    return ServerResponse.seeOther(URI.create(base(request) + "/customer?id=" + Pages.url(id)
            + "&done=" + action.get().slug()))
        .headers(h -> secure(h, Html.CONTENT_SECURITY_POLICY))
        .build();
  }

  /**
   * Whether the engine takes the text as a customer id: a typo or a hostile link (too long, a control character) is
   * answered 400 here rather than by an exception that the servlet container logs with its stack.
   */
  private static boolean isCustomerId(String id) {
    try {
      Limits.requireValidId("customerId", id);
      return true;
    } catch (InvalidInputException e) {
      return false;
    }
  }

  private static Optional<Suppression> suppression(String value) {
    return Arrays.stream(Suppression.values())
        .filter(s -> s.name().equals(value))
        .findFirst();
  }

  private static Optional<Integer> step(String value) {
    try {
      return Optional.of(Integer.parseInt(value)).filter(i -> i >= 0);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Where the console's pages are, as links in them: under the application's context path too. */
  private String base(ServerRequest request) {
    return request.requestPath().contextPath().value() + properties.path();
  }

  private ServerResponse page(
      ServerRequest request, int status, String title, Operator operator, String body) {
    return respond(
        status, Html.page(base(request), title, operator, body), Html.CONTENT_SECURITY_POLICY);
  }

  private static ServerResponse refusal(int status, String title, String why) {
    return respond(status, Html.refusal(title, why), Html.CONTENT_SECURITY_POLICY);
  }

  private static ServerResponse respond(int status, String html, String policy) {
    return ServerResponse.status(status)
        .contentType(HTML)
        .headers(h -> secure(h, policy))
        .body(html);
  }

  private static void secure(HttpHeaders headers, String policy) {
    headers.set("Content-Security-Policy", policy);
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("X-Frame-Options", "DENY");
    // same-origin, not no-referrer: under no-referrer a browser posts forms with "Origin: null"
    headers.set("Referrer-Policy", "same-origin");
    headers.set("Cache-Control", "no-store");
  }
}
