package dev.winback.spring;

import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.WinBack;
import dev.winback.testing.Recorder;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The winback.* properties: each one reaches the engine, and a wrong one stops the start naming it. */
class PropertiesTest {
  private static final String KEY =
      Base64.getEncoder().encodeToString("a link secret of at least thirty-two bytes".getBytes());

  @Test
  void everyPropertyIsBound() {
    Contexts.withStarter()
        .withBean(Recorder.class, Recorder::new)
        .withPropertyValues(
            "winback.runner.enabled=false",
            "winback.runner.interval=2s",
            "winback.runner.threads=3",
            "winback.lease=90s",
            "winback.batch-size=50",
            "winback.default-zone=Europe/Paris",
            "winback.node-id=node-7",
            "winback.store.migrate=false",
            "winback.reactivation.keys.k1=" + KEY,
            "winback.reactivation.keys.k2=" + KEY,
            "winback.reactivation.active-key=k1",
            "winback.reactivation.valid-for=7d",
            "winback.customer-pages.base-url=https://shop.example/customer",
            "winback.customer-pages.path=/pages",
            "winback.customer-pages.csrf-secret=" + KEY,
            "winback.health.max-lag=5m",
            "winback.suppression.fingerprint-key=" + KEY)
        .run(context -> {
          WinBackProperties p = context.getBean(WinBackProperties.class);
          assertThat(p.getRunner().isEnabled()).isFalse();
          assertThat(p.getRunner().getInterval()).isEqualTo(Duration.ofSeconds(2));
          assertThat(p.getRunner().getThreads()).isEqualTo(3);
          assertThat(p.getLease()).isEqualTo(Duration.ofSeconds(90));
          assertThat(p.getBatchSize()).isEqualTo(50);
          assertThat(p.getDefaultZone()).isEqualTo(ZoneId.of("Europe/Paris"));
          assertThat(p.getNodeId()).isEqualTo("node-7");
          assertThat(p.getStore().isMigrate()).isFalse();
          assertThat(p.getReactivation().getKeys()).isEqualTo(Map.of("k1", KEY, "k2", KEY));
          assertThat(p.getReactivation().getActiveKey()).isEqualTo("k1");
          assertThat(p.getReactivation().getValidFor()).isEqualTo(Duration.ofDays(7));
          assertThat(p.getCustomerPages().getBaseUrl())
              .isEqualTo(URI.create("https://shop.example/customer"));
          assertThat(p.getCustomerPages().getPath()).isEqualTo("/pages");
          assertThat(p.getCustomerPages().getCsrfSecret()).isEqualTo(KEY);
          assertThat(p.getHealth().getMaxLag()).isEqualTo(Duration.ofMinutes(5));
          assertThat(p.getSuppression().getFingerprintKey()).isEqualTo(KEY);

          // the engine is made with them: its configuration shows what it was given, its links the
          // active key
          WinBack winBack = context.getBean(WinBack.class);
          assertThat(winBack.toString())
              .contains("lease=PT1M30S", "defaultZone=Europe/Paris", "batchSize=50");
          winBack.start(lost("c1").build());
          assertThat(winBack.issueReactivationToken("c1")).startsWith("wb2.k1.");
          assertThat(context).doesNotHaveBean(WinBackRunner.class);
        });
  }

  @Test
  void theDefaultsAreTheEnginesAndARunnerEveryThirtySeconds() {
    WinBackProperties defaults = new WinBackProperties();

    assertThat(defaults.getRunner().isEnabled()).isTrue();
    assertThat(defaults.getRunner().getInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.getRunner().getThreads()).isEqualTo(1);
    assertThat(defaults.getStore().isMigrate()).isTrue();
    assertThat(defaults.getHealth().getMaxLag()).isEqualTo(Duration.ofMinutes(15));
    assertThat(defaults.getCustomerPages().servedPath()).isEqualTo("/");
  }

  @Test
  void thePagesAreServedUnderTheBaseUrlsPathUnlessAPathIsSet() {
    WinBackProperties.CustomerPages pages = new WinBackProperties.CustomerPages();
    pages.setBaseUrl(URI.create("https://shop.example/customer/"));

    assertThat(pages.servedPath()).isEqualTo("/customer");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "winback.runner.threads=0                      | winback.runner.threads",
        "winback.runner.interval=0s                    | winback.runner.interval",
        "winback.lease=-5s                             | winback.lease",
        "winback.batch-size=0                          | winback.batch-size",
        "winback.default-zone=Mars/Olympus             | winback.default-zone",
        "winback.node-id=                              | winback.node-id",
        "winback.health.max-lag=0s                     | winback.health.max-lag",
        "winback.reactivation.keys.k1=c2hvcnQ=         | winback.reactivation.keys",
        "winback.reactivation.keys.k1=not base64!      | winback.reactivation.keys",
        "winback.reactivation.valid-for=0s             | winback.reactivation.valid-for",
        "winback.reactivation.active-key=k9            | winback.reactivation.active-key",
        "winback.customer-pages.base-url=ftp://x/y     | winback.customer-pages.base-url",
        "winback.customer-pages.path=/a/               | winback.customer-pages.path",
        "winback.customer-pages.csrf-secret=c2hvcnQ=   | winback.customer-pages.csrf-secret",
        "winback.runner.threads=many                   | winback.runner.threads",
        "winback.suppression.fingerprint-key=c2hvcnQ=  | winback.suppression.fingerprint-key",
      })
  void aWrongValueStopsTheStartNamingTheProperty(String setting, String property) {
    Contexts.withStarter()
        .withBean(Recorder.class, Recorder::new)
        .withPropertyValues(setting)
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(Contexts.describe(context.getStartupFailure())).contains(property);
        });
  }

  @Test
  void pagesWithoutSigningKeysStopTheStartNamingTheKeysProperty() {
    Contexts.withStarter()
        .withBean(Recorder.class, Recorder::new)
        .withPropertyValues("winback.customer-pages.base-url=https://shop.example/customer")
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(Contexts.describe(context.getStartupFailure()))
              .contains("winback.reactivation.keys");
        });
  }
}
