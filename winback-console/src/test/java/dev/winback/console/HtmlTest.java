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
  void actionTokensAreBoundToTheOperatorAndTheSecret() {
    ActionTokens tokens = ActionTokens.of(ConsoleProperties.defaults());
    assertThat(tokens.tokenFor("admin"))
        .isEqualTo(tokens.tokenFor("admin"))
        .isNotEqualTo(tokens.tokenFor("admim"));
    assertThat(ActionTokens.of(ConsoleProperties.defaults()).tokenFor("admin"))
        .isNotEqualTo(tokens.tokenFor("admin"));
  }
}
