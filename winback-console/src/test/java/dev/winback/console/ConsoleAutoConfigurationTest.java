package dev.winback.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.ConfigurationException;
import dev.winback.WinBack;
import dev.winback.spi.PlanStore;
import dev.winback.testing.Recorder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;

/** When the console is served, and how its settings bind. */
class ConsoleAutoConfigurationTest {
  private final WebApplicationContextRunner web = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ConsoleAutoConfiguration.class));

  @Configuration(proxyBeanMethods = false)
  static class Engine {
    @Bean
    PlanStore store() {
      return PlanStore.inMemory();
    }

    @Bean(destroyMethod = "close")
    WinBack winBack(PlanStore store) {
      Recorder host = new Recorder();
      return WinBack.builder()
          .store(store)
          .feedback(host)
          .apology(host)
          .incentives(host)
          .reEngagement(host)
          .build();
    }
  }

  @Test
  void aWebApplicationWithAWinBackBeanGetsTheConsoleWithItsDefaults() {
    web.withUserConfiguration(Engine.class).run(context -> {
      assertThat(context)
          .hasNotFailed()
          .hasBean("winBackConsole")
          .hasSingleBean(ConsoleProperties.class);
      ConsoleProperties properties = context.getBean(ConsoleProperties.class);
      assertThat(properties.path()).isEqualTo("/winback");
      assertThat(properties.viewerRole()).isEqualTo("WINBACK_VIEWER");
      assertThat(properties.adminRole()).isEqualTo("WINBACK_ADMIN");
      assertThat(properties.allowAnonymous()).isFalse();
      assertThat(properties).isEqualTo(ConsoleProperties.defaults());
    });
  }

  @Test
  void itsSettingsAreDescribedForIdes() throws Exception {
    try (var metadata =
        getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(metadata).isNotNull();
      assertThat(new String(metadata.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .contains(
              "winback.console.path",
              "winback.console.viewer-role",
              "winback.console.admin-role",
              "winback.console.allow-anonymous",
              "winback.console.action-secret");
    }
  }

  @Test
  void withoutAWinBackBeanThereIsNoConsole() {
    web.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RouterFunction.class));
  }

  @Test
  void anApplicationThatIsNotAServletWebApplicationGetsNoConsole() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ConsoleAutoConfiguration.class))
        .withUserConfiguration(Engine.class)
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RouterFunction.class));
  }

  @Test
  void theConsoleCanBeSwitchedOff() {
    web.withUserConfiguration(Engine.class)
        .withPropertyValues("winback.console.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RouterFunction.class));
  }

  @Test
  void itsSettingsBindFromProperties() {
    web.withUserConfiguration(Engine.class)
        .withPropertyValues(
            "winback.console.path=/ops/win-back",
            "winback.console.viewer-role=SUPPORT",
            "winback.console.admin-role=SUPPORT_LEAD",
            "winback.console.allow-anonymous=true",
            "winback.console.action-secret=" + "s".repeat(32))
        .run(context -> {
          ConsoleProperties properties = context.getBean(ConsoleProperties.class);
          assertThat(properties.path()).isEqualTo("/ops/win-back");
          assertThat(properties.viewerRole()).isEqualTo("SUPPORT");
          assertThat(properties.adminRole()).isEqualTo("SUPPORT_LEAD");
          assertThat(properties.allowAnonymous()).isTrue();
          assertThat(properties.toString()).doesNotContain("ssss");
        });
  }

  @Test
  void aMalformedPathStopsTheApplicationNamingTheSetting() {
    web.withUserConfiguration(Engine.class)
        .withPropertyValues("winback.console.path=winback/")
        .run(context -> assertThat(context)
            .hasFailed()
            .getFailure()
            .rootCause()
            .isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("winback.console.path"));
  }

  @Test
  void theSameRoleForViewersAndAdminsOrAShortSecretIsRefused() {
    web.withUserConfiguration(Engine.class)
        .withPropertyValues("winback.console.viewer-role=OPS", "winback.console.admin-role=OPS")
        .run(context ->
            assertThat(context).getFailure().rootCause().hasMessageContaining("must differ"));
    web.withUserConfiguration(Engine.class)
        .withPropertyValues("winback.console.action-secret=short")
        .run(context -> assertThat(context)
            .getFailure()
            .rootCause()
            .hasMessageContaining("at least 32 characters"));
  }
}
