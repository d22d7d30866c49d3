package dev.winback.spring;

import dev.winback.WinBack;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code winback} health indicator, when Spring Boot's health support is on the class path (the condition that
 * reads {@code management.health.winback.enabled} comes from that library, so it sits on a nested class: Spring
 * evaluates it only once the class is known to be there).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HealthIndicator.class)
class HealthConfiguration {

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnEnabledHealthIndicator("winback")
  static class Indicator {
    @Bean
    @ConditionalOnMissingBean(name = "winbackHealthIndicator")
    HealthIndicator winbackHealthIndicator(
        WinBack winBack,
        ObjectProvider<WinBackRunner> runner,
        ObjectProvider<Clock> clock,
        WinBackProperties properties) {
      return new WinBackHealthIndicator(
          winBack,
          runner,
          clock.getIfAvailable(Clock::systemUTC),
          properties.getHealth().getMaxLag());
    }
  }
}
