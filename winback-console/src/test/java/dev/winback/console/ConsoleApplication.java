package dev.winback.console;

import static org.springframework.security.config.Customizer.withDefaults;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.jdbc.JdbcPlanStore;
import dev.winback.spi.PlanStore;
import dev.winback.spi.StepResult;
import dev.winback.testing.Customers;
import dev.winback.testing.Databases;
import dev.winback.testing.PooledDataSource;
import dev.winback.testing.Recorder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The application the console is tested in: Spring Boot's auto-configuration (Spring MVC on Tomcat, Spring Security,
 * the console), a WinBack engine on embedded PostgreSQL with a hand-written host, and three users over HTTP Basic:
 * {@code viewer}, {@code admin} and {@code stranger} (no console role). Spring Security lets every request through to
 * the console, which decides itself; its own CSRF protection is off unless {@code console-test.spring-csrf=true}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ConsoleApplication {
  static final String PASSWORD = "correct horse battery staple";
  static final String FAILING = "failing-host";
  static final String SECRET = "a secret shared by the tests, 32+ characters long";

  @Bean(destroyMethod = "closeAll")
  PooledDataSource dataSource() {
    return Databases.newPostgres();
  }

  @Bean
  PlanStore planStore(PooledDataSource dataSource) {
    return JdbcPlanStore.create(dataSource).migrate();
  }

  @Bean
  ManualClock clock() {
    return ManualClock.at(Customers.LOST_AT);
  }

  /** Sends every message, except to the customers whose id starts with {@link #FAILING}: their host fails. */
  @Bean
  Recorder host() {
    return new Recorder()
        .answering(context -> context.customer().id().startsWith(FAILING)
            ? StepResult.failed("the mail server answered <script>alert('x')</script>")
            : StepResult.sent("ref-" + context.idempotencyKey()));
  }

  @Bean(destroyMethod = "close")
  WinBack winBack(PlanStore store, ManualClock clock, Recorder host) {
    return WinBack.builder()
        .clock(clock)
        .store(store)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
  }

  @Bean
  SecurityFilterChain security(
      HttpSecurity http, @Value("${console-test.spring-csrf:false}") boolean springCsrf)
      throws Exception {
    http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .httpBasic(withDefaults());
    if (!springCsrf) {
      http.csrf(csrf -> csrf.disable());
    }
    return http.build();
  }

  @Bean
  UserDetailsService users() {
    return new InMemoryUserDetailsManager(
        User.withUsername("viewer")
            .password("{noop}" + PASSWORD)
            .roles("WINBACK_VIEWER")
            .build(),
        User.withUsername("admin")
            .password("{noop}" + PASSWORD)
            .roles("WINBACK_ADMIN")
            .build(),
        User.withUsername("stranger")
            .password("{noop}" + PASSWORD)
            .roles("SALES")
            .build());
  }
}
