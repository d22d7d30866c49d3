package dev.winback.spi;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** A run of sends that carries nothing over: each send is a {@link CustomerFence#send} of its own. */
final class EachSend implements CustomerFence.Sends {
  private final CustomerFence fence;
  private final Thread owner = Thread.currentThread();
  private boolean closed;

  EachSend(CustomerFence fence) {
    this.fence = Objects.requireNonNull(fence, "fence");
  }

  @Override
  public <T> Optional<T> send(
      String customerId, String planId, long planVersion, Supplier<T> send) {
    if (closed || Thread.currentThread() != owner) {
      throw new IllegalStateException(
          closed
              ? "This run of sends is closed"
              : "A run of sends belongs to the thread that opened it");
    }
    return fence.send(customerId, planId, planVersion, send);
  }

  @Override
  public void settle() {}

  @Override
  public void close() {
    closed = true;
  }
}
