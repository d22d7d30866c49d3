package dev.winback;

import dev.winback.internal.ClaimMode;
import dev.winback.internal.EventPublisher;
import dev.winback.internal.StrategyCalls;

/** The engine's parts, made once from its configuration: what {@link WinBack} hands each call to. Immutable. */
final class Engine {
  final PlanWriter writer;
  final PlanChooser chooser;
  final Decisions decisions;
  final TokenDesk tokens;
  final CustomerData data;
  final StrategyCalls calls;
  final StepRunner runner;

  Engine(EngineConfig config) {
    EventPublisher publisher = new EventPublisher(config.listeners(), config.activities());
    this.writer = new PlanWriter(config.store(), publisher);
    this.chooser = new PlanChooser(
        config.playbook(),
        config.experiment(),
        config.contactPolicy(),
        config.suppressionList(),
        config.store(),
        config.defaultZone());
    this.decisions = new Decisions(
        config.clock(), writer, chooser, config.suppressionList(), config.classifier());
    this.tokens = new TokenDesk(
        config.clock(),
        writer,
        config.tokens(),
        config.customerPages(),
        config.playbook(),
        decisions);
    this.data =
        new CustomerData(config.clock(), writer, config.suppressionList(), config.playbook());
    this.calls = new StrategyCalls(
        config.strategies(),
        config.observers(),
        publisher,
        config.stepTimeout(),
        EngineConfig.MAX_STRATEGY_THREADS,
        config.nodeId());
    this.runner = new StepRunner(
        config.clock(),
        writer,
        ClaimMode.of(config.store(), config.nodeId(), config.lease(), config.batchSize()),
        chooser,
        calls,
        config.contactPolicy(),
        config.suppressionList(),
        config.lease(),
        tokens);
  }
}
