package dev.winback.console;

import dev.winback.WinBack;
import dev.winback.spi.PlanStore;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Serves the WinBack operator console in a Spring MVC application that has a {@link WinBack} bean, under
 * {@code winback.console.path} (default {@code /winback}); {@code winback.console.enabled=false} switches it off. The
 * console reads who is asking from the servlet request, so the application's own authentication decides who gets
 * in: operators with the viewer role read with personal data masked, operators with the admin role also act and see
 * personal data, and anonymous requests get 401 unless {@code winback.console.allow-anonymous} opens the console
 * read-only. The insight report is built from the application's {@link PlanStore} bean, when it has one.
 */
@AutoConfiguration(afterName = "dev.winback.spring.WinBackAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnBean(WinBack.class)
@ConditionalOnBooleanProperty(name = "winback.console.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ConsoleProperties.class)
public class ConsoleAutoConfiguration {

  /** Made by Spring Boot when the conditions above hold. */
  public ConsoleAutoConfiguration() {}

  /**
   * The console's routes, which Spring MVC serves beside the application's own.
   *
   * @param winBack the engine the console shows and acts on
   * @param properties the console's settings
   * @param stores the application's plan store, for the insight report, if it has one
   * @return the routes under the configured path
   */
  @Bean
  public RouterFunction<ServerResponse> winBackConsole(
      WinBack winBack, ConsoleProperties properties, ObjectProvider<PlanStore> stores) {
    return new Console(
            winBack,
            properties,
            ActionTokens.of(properties, Clock.systemUTC()),
            new Insights(Optional.ofNullable(stores.getIfUnique())),
            Clock.systemUTC())
        .routes();
  }
}
