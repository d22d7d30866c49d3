package dev.winback.internal;

import dev.winback.model.EventType;
import dev.winback.model.JournalEvent;
import dev.winback.spi.Activity;
import dev.winback.spi.ActivityWriter;
import dev.winback.spi.StepContext;
import dev.winback.spi.WinBackListener;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands journal events, once written, to the host's listeners and the activities among them to its activity
 * writer. A host callback that throws anything (even an {@link Error}) is logged by its type and left behind: it
 * never stops the engine nor reaches another customer. Immutable and thread-safe.
 */
public final class EventPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);
  private static final Set<EventType> ACTIVITY_TYPES = EnumSet.of(
      EventType.PLAN_STARTED,
      EventType.PLAN_REVISED,
      EventType.STEP_DONE,
      EventType.STEP_CARRIED,
      EventType.STEP_SKIPPED,
      EventType.STEP_FAILED,
      EventType.FEEDBACK_RECORDED,
      EventType.RESPONSE_RECORDED,
      EventType.PLAN_ENDED,
      EventType.PLAN_QUARANTINED);

  private final List<WinBackListener> listeners;
  private final ActivityWriter activities;

  /**
   * A publisher to listeners and an activity writer.
   *
   * @param listeners the listeners, in the order they are called
   * @param activities the activity writer
   */
  public EventPublisher(List<WinBackListener> listeners, ActivityWriter activities) {
    this.listeners = List.copyOf(listeners);
    this.activities = activities;
  }

  /**
   * Tells the listeners what a strategy threw.
   *
   * @param context the step the strategy was carrying out
   * @param failure what it threw
   */
  public void strategyFailed(StepContext context, Throwable failure) {
    for (WinBackListener listener : listeners) {
      try {
        listener.onStrategyFailure(context, failure);
      } catch (Throwable e) {
        HostFailures.log(
            LOG, "Listener " + listener.getClass().getName(), "a strategy's failure", e);
      }
    }
  }

  /**
   * Tells the listeners how many plans a runner claimed in one batch.
   *
   * @param plans the number of plans claimed
   */
  public void claimed(int plans) {
    for (WinBackListener listener : listeners) {
      try {
        listener.onClaimed(plans);
      } catch (Throwable e) {
        HostFailures.log(LOG, "Listener " + listener.getClass().getName(), "a claim", e);
      }
    }
  }

  /**
   * Publishes events that have been written.
   *
   * @param events the events, in order
   */
  public void publish(List<JournalEvent> events) {
    for (JournalEvent event : events) {
      for (WinBackListener listener : listeners) {
        try {
          listener.onEvent(event);
        } catch (Throwable e) {
          HostFailures.log(LOG, "Listener " + listener.getClass().getName(), event.type(), e);
        }
      }
      if (ACTIVITY_TYPES.contains(event.type())) {
        try {
          activities.write(new Activity(
              event.customerId(),
              event.planId(),
              event.at(),
              event.type(),
              event.stepKind(),
              event.channel(),
              event.detail()));
        } catch (Throwable e) {
          HostFailures.log(LOG, "Activity writer", event.type(), e);
        }
      }
    }
  }
}
