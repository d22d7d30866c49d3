package dev.winback.web;

import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.model.LinkPurpose;
import dev.winback.model.PlanStatus;
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
  void aPathOutsideTheBasePathIsNotAPage() {
    WebResponse page = pages.handle(
        WebRequest.builder().method("GET").path("/customerx/survey").build());

    assertThat(page.status()).isEqualTo(404);
  }
}
