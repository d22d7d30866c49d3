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

/** The {@code winback} health indicator, when Spring Boot's health support is on the class path. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("winback")
class HealthConfiguration {
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
