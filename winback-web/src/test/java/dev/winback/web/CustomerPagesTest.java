package dev.winback.web;

import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.LinkTarget;
import dev.winback.Redemption;
import dev.winback.TokenRejectedException;
import dev.winback.TokenRejectedException.Reason;
import dev.winback.model.Feedback;
import dev.winback.model.LinkPurpose;
import dev.winback.model.PlanStatus;
import dev.winback.model.WinBackPlan;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pages answer a request without any web server: what another adapter (Spring MVC, say) relies on. */
class CustomerPagesTest {
  private Site site;
  private CustomerPages pages;

  @BeforeEach
  void start() throws Exception {
    site = new Site();
    site.start(lost("c1").build());
    pages = site.pages;
  }

  @AfterEach
  void stop() {
    site.close();
  }

  @Test
  void aRequestBuiltByHandIsAnsweredWithAPageAndItsHeaders() {
    String query = site.link(LinkPurpose.UNSUBSCRIBE, "c1").split("\\?", 2)[1];

    WebResponse page = pages.handle(WebRequest.builder()
        .method("GET")
        .path("/customer/unsubscribe")
        .query(query)
        .header("Accept-Language", "de")
        .build());

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("content-security-policy")).isPresent();
    assertThat(page.headers().get("Set-Cookie")).hasSize(1);
    assertThat(page.body()).contains("<form method=\"post\">");
    assertThat(site.plan("c1").status()).isEqualTo(PlanStatus.ACTIVE);
  }

  @Test
  void aOneClickPostBuiltByHandOptsOut() {
    String query = site.link(LinkPurpose.UNSUBSCRIBE, "c1").split("\\?", 2)[1];

    WebResponse done = pages.handle(WebRequest.builder()
        .method("POST")
        .path("/customer/unsubscribe")
        .query(query)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .build());

    assertThat(done.status()).isEqualTo(200);
    assertThat(site.plan("c1").status()).isEqualTo(PlanStatus.OPTED_OUT);
  }

  @Test
  void everyReasonALinkIsRefusedForHasItsStatusAndItsWords() {
    Map<Reason, Integer> statuses = new EnumMap<>(Reason.class);
    Map<Reason, String> words = new EnumMap<>(Reason.class);
    for (Reason reason : Reason.values()) {
      CustomerPages refusing =
          new CustomerPages(new Refusing(reason), "/customer", site.clock, Site.SECRET);
      for (String method : List.of("GET", "POST")) {
        WebResponse page = refusing.handle(WebRequest.builder()
            .method(method)
            .path("/customer/come-back")
            .query("token=t")
            .body("List-Unsubscribe=One-Click")
            .build());
        statuses.put(reason, page.status());
        words.put(reason, page.body());
      }
    }

    assertThat(statuses)
        .containsEntry(Reason.MALFORMED, 400)
        .containsEntry(Reason.UNKNOWN_KEY, 400)
        .containsEntry(Reason.BAD_SIGNATURE, 400)
        .containsEntry(Reason.WRONG_PURPOSE, 400)
        .containsEntry(Reason.NOT_FOUND, 404)
        .containsEntry(Reason.EXPIRED, 410)
        .containsEntry(Reason.ALREADY_USED, 410);
    assertThat(words.get(Reason.UNKNOWN_KEY)).contains("This link is not valid");
    assertThat(words.get(Reason.ALREADY_USED)).contains("This link has already been used");
    assertThat(words.values()).allSatisfy(page -> assertThat(page).contains("Nothing was changed"));
  }

  @Test
  void aFailureBehindThePagesIsA500PageThatRevealsNothing() {
    CustomerPages failing =
        new CustomerPages(new Refusing(null), "/customer", site.clock, Site.SECRET);

    WebResponse page = failing.handle(WebRequest.builder()
        .method("GET")
        .path("/customer/survey")
        .query("token=t")
        .build());

    assertThat(page.status()).isEqualTo(500);
    assertThat(page.body())
        .contains("Something went wrong on our side")
        .doesNotContain("database is down");
  }

  /** Links that refuse every token for one reason, or fail when there is none. */
  private record Refusing(@Nullable Reason reason) implements LinkDesk {
    private RuntimeException refusal() {
      return reason == null
          ? new IllegalStateException("database is down")
          : new TokenRejectedException(reason);
    }

    @Override
    public LinkTarget open(String token, LinkPurpose purpose) {
      throw refusal();
    }

    @Override
    public WinBackPlan answerSurvey(String token, Feedback feedback, boolean keepInTouch) {
      throw refusal();
    }

    @Override
    public WinBackPlan unsubscribe(String token) {
      throw refusal();
    }

    @Override
    public Redemption comeBack(String token) {
      throw refusal();
    }
  }

  @Test
  void aPathOutsideTheBasePathIsNotAPage() {
    WebResponse page = pages.handle(
        WebRequest.builder().method("GET").path("/customerx/survey").build());

    assertThat(page.status()).isEqualTo(404);
  }
}
