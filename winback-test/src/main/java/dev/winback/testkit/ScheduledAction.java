package dev.winback.testkit;

import java.time.Instant;
import java.util.function.Consumer;

/** An action of a {@link WinBackSimulation} scheduled for a moment of the simulation, in the order it was asked for. */
record ScheduledAction(Instant at, long order, Consumer<WinBackSimulation> action) {}
