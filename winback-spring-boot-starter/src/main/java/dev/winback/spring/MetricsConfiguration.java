package dev.winback.spring;

import dev.winback.WinBack;
import dev.winback.micrometer.WinBackMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * WinBack's Micrometer meters, when winback-micrometer is on the class path and the application has a
 * {@link MeterRegistry}: a {@link WinBackMetrics} bean, which the engine takes as a listener and a step observer like
 * any other such bean (with the application's {@link ObservationRegistry}, when it has one, for an Observation around
 * each strategy call), and its backlog gauges bound to the engine once every bean is made (unless the application
 * bound its own metrics bean already).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(
    name = {"io.micrometer.core.instrument.MeterRegistry", "dev.winback.micrometer.WinBackMetrics"})
class MetricsConfiguration {
  @Bean
  @ConditionalOnBean(MeterRegistry.class)
  @ConditionalOnMissingBean
  WinBackMetrics winBackMetrics(
      MeterRegistry meters,
      ObjectProvider<ObservationRegistry> observations,
      ObjectProvider<Clock> clock) {
    WinBackMetrics.Builder metrics = WinBackMetrics.builder(meters);
    observations.ifAvailable(metrics::observations);
    clock.ifAvailable(metrics::clock);
    return metrics.build();
  }

  @Bean
  @ConditionalOnBean(MeterRegistry.class)
  static SmartInitializingSingleton winBackBacklogGauges(
      ObjectProvider<WinBackMetrics> metrics, ObjectProvider<WinBack> winBack) {
    return () -> metrics.ifAvailable(m -> winBack.ifAvailable(w -> bindUnlessBound(m, w)));
  }

  /** Binds the gauges, unless the application bound its own metrics bean already, as their javadoc tells it to. */
  private static void bindUnlessBound(WinBackMetrics metrics, WinBack winBack) {
    try {
      metrics.bindBacklog(winBack);
    } catch (IllegalStateException alreadyBound) {
      // the application's own binding stands
    }
  }
}
