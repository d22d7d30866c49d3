package dev.winback.spring;

import dev.winback.WinBack;
import dev.winback.jdbc.JdbcPlanStore;
import dev.winback.jdbc.JdbcSuppressionList;
import dev.winback.model.Playbook;
import dev.winback.spi.ActivityWriter;
import dev.winback.spi.ApologyStrategy;
import dev.winback.spi.ContactPolicy;
import dev.winback.spi.FeedbackStrategy;
import dev.winback.spi.IncentiveStrategy;
import dev.winback.spi.PlanStore;
import dev.winback.spi.ReEngagementStrategy;
import dev.winback.spi.ReasonClassifier;
import dev.winback.spi.StepObserver;
import dev.winback.spi.SuppressionList;
import dev.winback.spi.WinBackListener;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Builds one {@link WinBack} from the application's beans and {@code winback.*} properties:
 *
 * <ul>
 *   <li>the strategies ({@link FeedbackStrategy}, {@link ApologyStrategy}, {@link IncentiveStrategy},
 *       {@link ReEngagementStrategy}); a playbook step whose kind has no strategy bean stops the start with a
 *       message that names the bean type to define;
 *   <li>one each, when defined: {@link Playbook}, {@link ActivityWriter}, {@link ReasonClassifier},
 *       {@link SuppressionList}, {@link dev.winback.ReactivationTokens} (else from {@code winback.reactivation.keys}) and a
 *       {@link Clock};
 *   <li>every {@link WinBackListener} and {@link StepObserver} bean, in their order; every {@link ContactPolicy}
 *       bean, each applied after the one before (and all after {@link ContactPolicy#standard()});
 *   <li>the store: a {@link PlanStore} bean if the application defines one, else a {@link JdbcPlanStore} on the
 *       application's {@link DataSource}, its schema migrated at start unless {@code winback.store.migrate=false},
 *       and the suppression list beside it when {@code winback.suppression.fingerprint-key} is set;
 *       without a DataSource, the in-memory store (plans are lost at restart: a warning says so);
 *   <li>then every {@link WinBackBuilderCustomizer} bean.
 * </ul>
 *
 * <p>An application that defines its own {@link WinBack} bean gets none of this but the runner, the metrics, the
 * health indicator and the pages, all on its engine. The runner ({@link WinBackRunner}) starts with the context
 * unless {@code winback.runner.enabled=false}.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
      "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"
    })
@EnableConfigurationProperties(WinBackProperties.class)
@Import({MetricsConfiguration.class, HealthConfiguration.class, CustomerPagesConfiguration.class})
public class WinBackAutoConfiguration {
  /** Made by Spring. */
  public WinBackAutoConfiguration() {}

  /**
   * The JDBC store on the application's data source, migrated at start unless switched off.
   *
   * @param dataSource the application's data source
   * @param properties the properties
   * @return the store
   */
  @Bean
  @ConditionalOnMissingBean({PlanStore.class, WinBack.class})
  @ConditionalOnBean(DataSource.class)
  @ConditionalOnClass(DataSource.class)
  public JdbcPlanStore winBackPlanStore(DataSource dataSource, WinBackProperties properties) {
    JdbcPlanStore store = JdbcPlanStore.create(dataSource);
    return properties.getStore().isMigrate() ? store.migrate() : store;
  }

  /**
   * The suppression list in the database beside the store, when {@code winback.suppression.fingerprint-key} is set:
   * opt-outs and suppressions then hold on every node and across restarts.
   *
   * @param dataSource the application's data source, the store's
   * @param properties the properties
   * @return the list
   */
  @Bean
  @ConditionalOnMissingBean({SuppressionList.class, WinBack.class})
  @ConditionalOnBean(DataSource.class)
  @ConditionalOnClass(DataSource.class)
  @ConditionalOnProperty("winback.suppression.fingerprint-key")
  public JdbcSuppressionList winBackSuppressionList(
      DataSource dataSource, WinBackProperties properties) {
    String key = Objects.requireNonNull(properties.getSuppression().getFingerprintKey());
    return JdbcSuppressionList.create(dataSource, Base64.getDecoder().decode(key.strip()));
  }

  /**
   * The engine, built from the application's beans and the properties; closed with the context.
   *
   * @param properties the properties
   * @param beans where the application's beans the engine is made of come from
   * @return the engine
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public WinBack winBack(WinBackProperties properties, BeanFactory beans) {
    return new WinBackAssembly(beans).build(properties);
  }

  /**
   * The runner, started and stopped with the context.
   *
   * @param winBack the engine
   * @param properties the properties
   * @return the runner
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(
      name = "winback.runner.enabled",
      havingValue = "true",
      matchIfMissing = true)
  public WinBackRunner winBackRunner(WinBack winBack, WinBackProperties properties) {
    return new WinBackRunner(
        winBack, properties.getRunner().getInterval(), properties.getRunner().getThreads());
  }
}
