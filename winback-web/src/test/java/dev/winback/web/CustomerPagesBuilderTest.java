package dev.winback.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winback.ConfigurationException;
import dev.winback.WinBack;
import dev.winback.testing.Recorder;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The pages are built once, every option set once and checked at once. */
class CustomerPagesBuilderTest {
  private final Recorder host = new Recorder();
  private final WinBack winBack = WinBack.builder()
      .defaultZone(ZoneOffset.UTC)
      .feedback(host)
      .apology(host)
      .incentives(host)
      .reEngagement(host)
      .build();

  @Test
  void thePagesNeedLinksABasePathAndASecret() {
    assertThatThrownBy(() -> CustomerPages.builder().basePath("/customer").build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("links, basePath and csrfSecret are required");
  }

  @Test
  void theBasePathIsAPlainPathWithoutATrailingSlash() {
    for (String bad : new String[] {"customer", "/customer/", "/a b", "/x?y", "//", ""}) {
      assertThatThrownBy(() -> CustomerPages.builder().basePath(bad))
          .as(bad)
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("basePath must be");
    }
    assertThat(CustomerPages.builder()
            .links(winBack.links())
            .basePath("/")
            .csrfSecret(Site.SECRET)
            .build()
            .basePath())
        .isEqualTo("/");
  }

  @Test
  void theSecretHasAtLeast32Bytes() {
    assertThatThrownBy(() -> CustomerPages.builder().csrfSecret(new byte[31]))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("at least 32 bytes");
  }

  @Test
  void anOptionSetTwiceFails() {
    CustomerPagesBuilder builder = CustomerPages.builder()
        .links(winBack.links())
        .basePath("/customer")
        .clock(Clock.systemUTC())
        .csrfSecret(Site.SECRET);

    assertThatThrownBy(() -> builder.basePath("/other"))
        .hasMessageContaining("basePath is already set");
    assertThatThrownBy(() -> builder.links(winBack.links()))
        .hasMessageContaining("links is already set");
    assertThatThrownBy(() -> builder.clock(Clock.systemUTC()))
        .hasMessageContaining("clock is already set");
    assertThatThrownBy(() -> builder.csrfSecret(Site.SECRET))
        .hasMessageContaining("csrfSecret is already set");
  }

  @Test
  void aRequestIsBuiltFromItsPartsEachSetOnce() {
    WebRequest request = WebRequest.builder()
        .method("post")
        .path("/customer/survey")
        .query("token=abc")
        .header("Cookie", "a=1")
        .header("cookie", "b=2")
        .body("x=1")
        .build();

    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.headers().get("cookie")).containsExactly("a=1", "b=2");
    assertThat(request.toString()).doesNotContain("abc", "x=1");
    assertThatThrownBy(() -> WebRequest.builder().method("GET").method("POST"))
        .isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(() -> WebRequest.builder().method("GET").build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("path is required");
  }
}
