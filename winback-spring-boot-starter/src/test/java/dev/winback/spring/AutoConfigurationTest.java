package dev.winback.spring;

import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.WinBack;
import dev.winback.jdbc.JdbcPlanStore;
import dev.winback.jdbc.JdbcSuppressionList;
import dev.winback.model.EventType;
import dev.winback.model.JournalEvent;
import dev.winback.spi.ApologyStrategy;
import dev.winback.spi.FeedbackStrategy;
import dev.winback.spi.PlanStore;
import dev.winback.spi.WinBackListener;
import dev.winback.testing.Databases;
import dev.winback.testing.Recorder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** What the starter makes of an application's beans: the engine and its store, and when it steps aside. */
class AutoConfigurationTest {

  @Test
  void aDataSourceAndStrategyBeansMakeAnEngineOnTheMigratedJdbcStore() {
    DataSource database = Databases.newPostgres();
    Contexts.withStarter()
        .withBean(DataSource.class, () -> database)
        .withBean(Recorder.class, Recorder::new)
        .run(context -> {
          assertThat(context).hasSingleBean(WinBack.class).hasSingleBean(JdbcPlanStore.class);
          context.getBean(WinBack.class).start(lost("c1").build());

          assertThat(Contexts.column(database, "SELECT customer_id FROM winback_plan"))
              .containsExactly("c1");
        });
  }

  @Test
  void withAFingerprintKeyOptOutsAreKeptInTheDatabase() {
    DataSource database = Databases.newPostgres();
    Contexts.withStarter()
        .withBean(DataSource.class, () -> database)
        .withBean(Recorder.class, Recorder::new)
        .withPropertyValues("winback.suppression.fingerprint-key=YSBmaW5nZXJwcmludCBrZXk=")
        .run(context -> {
          assertThat(context).hasSingleBean(JdbcSuppressionList.class);
          WinBack winBack = context.getBean(WinBack.class);
          winBack.start(lost("c1").build());
          winBack.optOut("c1");

          assertThat(Contexts.column(database, "SELECT count(*) FROM winback_suppression"))
              .containsExactly("2");
        });
  }

  @Test
  void withoutADataSourceTheEngineKeepsItsPlansInMemory() {
    Contexts.withStarter().withBean(Recorder.class, Recorder::new).run(context -> {
      assertThat(context).hasSingleBean(WinBack.class).doesNotHaveBean(PlanStore.class);
      WinBack winBack = context.getBean(WinBack.class);
      winBack.start(lost("c1").build());

      assertThat(winBack.plan("c1")).isPresent();
    });
  }

  @Test
  void withMigrationSwitchedOffTheSchemaIsLeftToTheApplication() {
    DataSource database = Databases.newPostgres();
    Contexts.withStarter()
        .withBean(DataSource.class, () -> database)
        .withBean(Recorder.class, Recorder::new)
        .withPropertyValues("winback.store.migrate=false")
        .run(context -> {
          assertThat(context).hasSingleBean(JdbcPlanStore.class);
          assertThat(
                  Contexts.column(
                      database,
                      "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'winback%'"))
              .isEmpty();
        });
  }

  @Test
  void theApplicationsOwnEngineWins() {
    WinBack own = WinBack.builder()
        .reEngagement(new Recorder())
        .feedback(new Recorder())
        .apology(new Recorder())
        .incentives(new Recorder())
        .build();
    Contexts.withStarter()
        .withBean(DataSource.class, Databases::newH2)
        .withBean(WinBack.class, () -> own)
        .run(context -> {
          assertThat(context.getBean(WinBack.class)).isSameAs(own);
          assertThat(context).doesNotHaveBean(JdbcPlanStore.class);
        });
  }

  @Test
  void theApplicationsOwnStoreWins() {
    PlanStore own = PlanStore.inMemory();
    DataSource database = Databases.newPostgres();
    Contexts.withStarter()
        .withBean(DataSource.class, () -> database)
        .withBean(PlanStore.class, () -> own)
        .withBean(Recorder.class, Recorder::new)
        .run(context -> {
          assertThat(context).doesNotHaveBean(JdbcPlanStore.class);
          context.getBean(WinBack.class).start(lost("c1").build());

          assertThat(own.latestPlan("c1")).isPresent();
          assertThat(
                  Contexts.column(
                      database,
                      "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'winback%'"))
              .isEmpty();
        });
  }

  @Test
  void everyListenerBeanAndCustomizerTakesPart() {
    List<JournalEvent> heard = new CopyOnWriteArrayList<>();
    List<JournalEvent> heardThroughCustomizer = new CopyOnWriteArrayList<>();
    Contexts.withStarter()
        .withBean(Recorder.class, Recorder::new)
        .withBean("listener", WinBackListener.class, () -> heard::add)
        .withBean(
            WinBackBuilderCustomizer.class,
            () -> builder -> builder.listener(heardThroughCustomizer::add))
        .run(context -> {
          context.getBean(WinBack.class).start(lost("c1").build());

          assertThat(heard).extracting(JournalEvent::type).contains(EventType.PLAN_STARTED);
          assertThat(heardThroughCustomizer).isEqualTo(heard);
        });
  }

  @Test
  void aMissingStrategyStopsTheStartNamingTheBeanTypesToDefine() {
    Contexts.withStarter()
        .withBean(FeedbackStrategy.class, () -> FeedbackStrategy.none())
        .run(context -> {
          assertThat(context).hasFailed();
          FailureAnalysis analysis = analyse(context.getStartupFailure());

          assertThat(analysis.getDescription()).contains("no strategy");
          assertThat(analysis.getAction())
              .contains("Define a bean of type dev.winback.spi.ApologyStrategy")
              .contains("Define a bean of type dev.winback.spi.IncentiveStrategy")
              .contains("Define a bean of type dev.winback.spi.ReEngagementStrategy")
              .doesNotContain("FeedbackStrategy");
        });
  }

  @Test
  void twoBeansOfOneStrategyAreAMistakeNotAChoice() {
    Contexts.withStarter()
        .withBean(Recorder.class, Recorder::new)
        .withBean("second", ApologyStrategy.class, () -> ApologyStrategy.none())
        .run(context -> assertThat(context).hasFailed());
  }

  @Test
  void anApplicationWithoutActuatorWebOrMicrometerStarts() {
    Contexts.withStarter()
        .withClassLoader(new FilteredClassLoader(
            "org.springframework.boot.health",
            "io.micrometer",
            "dev.winback.web",
            "jakarta.servlet"))
        .withBean(Recorder.class, Recorder::new)
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(WinBack.class);
          assertThat(context).doesNotHaveBean("winbackHealthIndicator");
        });
  }

  @Test
  void theConfigurationMetadataDescribesEveryProperty() throws Exception {
    String metadata;
    try (var in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in)
          .as("metadata generated by spring-boot-configuration-processor")
          .isNotNull();
      metadata = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    assertThat(metadata)
        .contains(
            "\"winback.runner.interval\"",
            "\"winback.reactivation.keys\"",
            "\"winback.customer-pages.base-url\"",
            "\"winback.health.max-lag\"",
            "\"management.health.winback.enabled\"")
        .doesNotContain("\"description\": \"\"");
  }

  /** The analysis Spring Boot prints, by the analyzers registered in spring.factories. */
  private static FailureAnalysis analyse(Throwable failure) {
    List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
        .load(
            FailureAnalyzer.class,
            SpringFactoriesLoader.ArgumentResolver.of(
                    BeanFactory.class, new DefaultListableBeanFactory())
                .and(Environment.class, new StandardEnvironment()),
            (type, name, notLoaded) -> {
              // Spring Boot's own analyzers need more than this test gives them: only WinBack's is
              // wanted
            });
    return analyzers.stream()
        .filter(WinBackFailureAnalyzer.class::isInstance)
        .map(analyzer -> analyzer.analyze(failure))
        .findFirst()
        .orElseThrow(() -> new AssertionError("WinBackFailureAnalyzer is not registered"));
  }
}
