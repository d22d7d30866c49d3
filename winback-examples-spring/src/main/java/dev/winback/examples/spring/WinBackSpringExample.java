package dev.winback.examples.spring;

import dev.winback.WinBack;
import dev.winback.model.Channel;
import dev.winback.model.ChurnSignal;
import dev.winback.model.Consent;
import dev.winback.model.ContactPoint;
import dev.winback.model.LostCustomer;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application with WinBack: the starter builds the engine from the {@link LoggingMailer} bean and the
 * embedded H2 database, runs due steps every few seconds, reports its health at {@code /actuator/health} and serves
 * the customer pages under {@code /customer} (see {@code application.properties}). At start it begins a plan for a
 * demo customer who just cancelled, whose first message the runner then sends.
 */
@SpringBootApplication
public class WinBackSpringExample {
  /** Made by Spring. */
  public WinBackSpringExample() {}

  /**
   * Starts the application.
   *
   * @param args Spring Boot's arguments, e.g. {@code --winback.runner.interval=1s}
   */
  public static void main(String[] args) {
    SpringApplication.run(WinBackSpringExample.class, args);
  }

  /**
   * The strategies: one bean carries out every kind of step.
   *
   * @return the mailer
   */
  @Bean
  LoggingMailer mailer() {
    return new LoggingMailer();
  }

  /**
   * Begins a plan for a demo customer at start, unless they have one.
   *
   * @param winBack the engine the starter built
   * @param clock the application's clock, when it has one
   * @return the runner
   */
  @Bean
  ApplicationRunner demoCustomer(WinBack winBack, ObjectProvider<Clock> clock) {
    return args -> {
      if (winBack.plan("demo-1").isEmpty()) {
        winBack.start(LostCustomer.builder()
            .id("demo-1")
            .displayName("Demo Customer")
            .addContactPoint(ContactPoint.of(Channel.EMAIL, "demo@example.com", Consent.GRANTED))
            .lostAt(clock.getIfAvailable(Clock::systemUTC).instant().minus(Duration.ofHours(1)))
            .churnSignal(ChurnSignal.SUBSCRIPTION_CANCELLED)
            .build());
      }
    };
  }
}
