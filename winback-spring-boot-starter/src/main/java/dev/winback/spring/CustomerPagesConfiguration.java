package dev.winback.spring;

import dev.winback.ConfigurationException;
import dev.winback.WinBack;
import dev.winback.web.CustomerPages;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * winback-web's {@link CustomerPages} in Spring MVC, when winback-web is on the class path, the application is a
 * servlet web application and {@code winback.customer-pages.base-url} is set: served under
 * {@code winback.customer-pages.path} (the base URL's path unless set), ahead of the application's own mappings.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({CustomerPages.class, HttpRequestHandler.class, SimpleUrlHandlerMapping.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty("winback.customer-pages.base-url")
class CustomerPagesConfiguration {
  /** Ahead of the annotated controllers (order 0), so that the pages' paths are the pages'. */
  private static final int ORDER = -1;

  @Bean
  @ConditionalOnMissingBean
  CustomerPages winBackCustomerPages(
      WinBack winBack, WinBackProperties properties, ObjectProvider<Clock> clock) {
    WinBackProperties.CustomerPages settings = properties.getCustomerPages();
    String secret = settings.getCsrfSecret();
    if (secret == null) {
      throw new ConfigurationException(
          "the customer pages sign their forms: set winback.customer-pages.csrf-secret"
              + " to at least 32 random bytes in base64, the same on every node");
    }
    return CustomerPages.builder()
        .links(winBack.links())
        .basePath(settings.servedPath())
        .clock(clock.getIfAvailable(Clock::systemUTC))
        .csrfSecret(Base64.getDecoder().decode(secret.strip()))
        .build();
  }

  @Bean
  SimpleUrlHandlerMapping winBackCustomerPagesMapping(CustomerPages pages) {
    HttpRequestHandler handler = new CustomerPagesHandler(pages);
    String base = pages.basePath();
    Map<String, Object> urls =
        base.equals("/") ? Map.of("/**", handler) : Map.of(base, handler, base + "/**", handler);
    return new SimpleUrlHandlerMapping(urls, ORDER);
  }
}
