package dev.winback.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How values are written into the pages: escaped, masked, and readable. */
class HtmlTest {
  private static final Operator VIEWER = new Operator(Optional.of("viewer"), false);
  private static final Operator ADMIN = new Operator(Optional.of("admin"), true);

  @Test
  void everyCharacterThatMeansSomethingInHtmlIsEscaped() {
    assertThat(Html.esc("<a href=\"x\" title='y'>&</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  }

  @Test
  void theStyleSheetIsTheOnlyThingThePolicyAllows() {
    assertThat(Html.CONTENT_SECURITY_POLICY)
        .startsWith("default-src 'none'; style-src 'sha256-")
        .contains(Html.hashOf(Html.STYLE));
    assertThat(Html.page("/winback", "T", VIEWER, ""))
        .contains("<style>" + Html.STYLE + "</style>");
  }

  @Test
  void theActingOperatorsLoginIsMaskedForViewersWhateverItHolds() {
    assertThat(Masked.operatorAction("operator 'o'brien@example.com' ended the plan", VIEWER))
        .isEqualTo("operator 'o••• (masked)' ended the plan");
    assertThat(Masked.operatorAction("operator 'o'brien@example.com' ended the plan", ADMIN))
        .isEqualTo("operator 'o'brien@example.com' ended the plan");
    assertThat(Masked.operatorAction("something alice@example.com did", VIEWER))
        .isEqualTo("••• (masked)");
  }

  @Test
  void personalDataIsMaskedForViewersAndShownToAdmins() {
    assertThat(Masked.name("Émile Zola", VIEWER)).isEqualTo("É••• (masked)");
    assertThat(Masked.name("Émile Zola", ADMIN)).isEqualTo("Émile Zola");
    assertThat(Masked.address("emile@example.com", VIEWER)).doesNotContain("emile", "example");
    assertThat(Masked.words("J'accuse", VIEWER)).isEqualTo("••• (masked, 8 characters)");
    assertThat(Masked.words("J'accuse", ADMIN)).isEqualTo("J'accuse");
  }

  @Test
  void durationsReadAsPeopleSayThem() {
    assertThat(Html.duration(Duration.ZERO)).isEqualTo("none");
    assertThat(Html.duration(Duration.ofSeconds(75))).isEqualTo("1 min 15 s");
    assertThat(Html.duration(Duration.ofMinutes(135))).isEqualTo("2 h 15 min");
    assertThat(Html.duration(Duration.ofHours(50))).isEqualTo("2 d 2 h");
  }

  @Test
  void theOperatorIsNamedWithWhatTheyMayDo() {
    assertThat(ADMIN.describe()).isEqualTo("admin (admin)");
    assertThat(VIEWER.describe()).isEqualTo("viewer (read-only)");
    assertThat(new Operator(Optional.empty(), false).describe()).isEqualTo("anonymous (read-only)");
  }

  @Test
  void actionTokensAreBoundToTheOperatorTheCustomerTheSecretAndTwelveHours() {
    dev.winback.ManualClock clock =
        dev.winback.ManualClock.at(java.time.Instant.parse("2026-12-03T09:30:00Z"));
    ActionTokens tokens = ActionTokens.of(ConsoleProperties.defaults(), clock);
    String token = tokens.tokenFor("admin", "c1");

    assertThat(tokens.accepts(post(token), "admin", "c1")).isTrue();
    assertThat(tokens.accepts(post(token), "admim", "c1"))
        .as("another operator")
        .isFalse();
    assertThat(tokens.accepts(post(token), "admin", "c2"))
        .as("another customer")
        .isFalse();
    assertThat(ActionTokens.of(ConsoleProperties.defaults(), clock)
            .accepts(post(token), "admin", "c1"))
        .as("another secret")
        .isFalse();
    assertThat(tokens.accepts(post("x" + token), "admin", "c1"))
        .as("a tampered hour")
        .isFalse();
    assertThat(tokens.accepts(post(token.substring(token.indexOf('.'))), "admin", "c1"))
        .isFalse();
    clock.advance(java.time.Duration.ofHours(11));
    assertThat(tokens.accepts(post(token), "admin", "c1")).as("eleven hours on").isTrue();
    clock.advance(java.time.Duration.ofHours(1));
    assertThat(tokens.accepts(post(token), "admin", "c1")).as("twelve hours on").isFalse();
    assertThat(tokens.accepts(post(tokens.tokenFor("admin", "c1")), "admin", "c1"))
        .isTrue();
  }

  private static org.springframework.mock.web.MockHttpServletRequest post(String token) {
    org.springframework.mock.web.MockHttpServletRequest request =
        new org.springframework.mock.web.MockHttpServletRequest("POST", "/winback/actions/pause");
    request.addHeader("Sec-Fetch-Site", "same-origin");
    request.setParameter(ActionTokens.FIELD, token);
    return request;
  }
}
