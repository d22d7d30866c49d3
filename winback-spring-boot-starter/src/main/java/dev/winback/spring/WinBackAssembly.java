package dev.winback.spring;

import dev.winback.ConfigurationException;
import dev.winback.ReactivationTokens;
import dev.winback.WinBack;
import dev.winback.WinBackBuilder;
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
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Fills a {@link WinBackBuilder} from the application's beans and the properties, and builds the engine. A part of
 * which the application defines two beans (and neither is {@code @Primary}) stops the start. Used once, on Spring's
 * thread.
 */
final class WinBackAssembly {
  private static final Logger LOG = LoggerFactory.getLogger(WinBackAssembly.class);

  private final BeanFactory beans;

  WinBackAssembly(BeanFactory beans) {
    this.beans = beans;
  }

  private <T> ObjectProvider<T> provider(Class<T> type) {
    return beans.getBeanProvider(type);
  }

  WinBack build(WinBackProperties properties) {
    WinBackBuilder builder = WinBack.builder();
    Optional<PlanStore> store = Optional.ofNullable(provider(PlanStore.class).getIfAvailable());
    if (store.isPresent()) {
      builder.store(store.get());
    } else {
      LOG.warn(
          "WinBack keeps its plans in memory, so they are lost when the application stops: add a DataSource"
              + " (e.g. spring-boot-starter-jdbc) or define a PlanStore bean");
    }
    provider(FeedbackStrategy.class).ifAvailable(builder::feedback);
    provider(ApologyStrategy.class).ifAvailable(builder::apology);
    provider(IncentiveStrategy.class).ifAvailable(builder::incentives);
    provider(ReEngagementStrategy.class).ifAvailable(builder::reEngagement);
    provider(ActivityWriter.class).ifAvailable(builder::activities);
    provider(ReasonClassifier.class).ifAvailable(builder::reasonClassifier);
    SuppressionList suppressions = provider(SuppressionList.class).getIfAvailable();
    if (suppressions != null) {
      builder.suppressionList(suppressions);
    } else if (store.isPresent()) {
      LOG.warn(
          "WinBack keeps opt-outs and suppressions in memory, so they are lost when the application stops:"
              + " set winback.suppression.fingerprint-key (or define a SuppressionList bean)");
    }
    provider(Playbook.class).ifAvailable(builder::playbook);
    provider(Clock.class).ifAvailable(builder::clock);
    provider(WinBackListener.class).orderedStream().forEach(builder::listener);
    provider(StepObserver.class).orderedStream().forEach(builder::stepObserver);
    provider(ContactPolicy.class)
        .orderedStream()
        .reduce(ContactPolicy::and)
        .ifPresent(builder::contactPolicy);
    Optional<ReactivationTokens> tokens =
        Optional.ofNullable(provider(ReactivationTokens.class).getIfAvailable());
    tokens
        .or(() -> tokensFrom(properties.getReactivation()))
        .ifPresent(builder::reactivationTokens);
    WinBackProperties.CustomerPages pages = properties.getCustomerPages();
    if (pages.getBaseUrl() != null) {
      if (tokens.isEmpty() && properties.getReactivation().getKeys().isEmpty()) {
        throw new ConfigurationException("winback.customer-pages.base-url needs signed links: set"
            + " winback.reactivation.keys or define a ReactivationTokens bean");
      }
      builder.customerPages(pages.getBaseUrl());
    }
    if (properties.getLease() != null) {
      builder.lease(properties.getLease());
    }
    if (properties.getBatchSize() != null) {
      builder.batchSize(properties.getBatchSize());
    }
    if (properties.getDefaultZone() != null) {
      builder.defaultZone(properties.getDefaultZone());
    }
    if (properties.getNodeId() != null) {
      builder.nodeId(properties.getNodeId());
    }
    provider(WinBackBuilderCustomizer.class).orderedStream().forEach(c -> c.customize(builder));
    return builder.build();
  }

  private static Optional<ReactivationTokens> tokensFrom(
      WinBackProperties.Reactivation reactivation) {
    if (reactivation.getKeys().isEmpty()) {
      return Optional.empty();
    }
    ReactivationTokens.Builder tokens = ReactivationTokens.builder();
    reactivation
        .getKeys()
        .forEach((id, secret) -> tokens.key(id, Base64.getDecoder().decode(secret.strip())));
    if (reactivation.getActiveKey() != null) {
      tokens.activeKey(reactivation.getActiveKey());
    }
    if (reactivation.getValidFor() != null) {
      tokens.validFor(reactivation.getValidFor());
    }
    return Optional.of(tokens.build());
  }
}
