package dev.winback.testing;

import dev.winback.StoreException;
import dev.winback.spi.PlanStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Plan stores that pass every call on to another store except those a test answers itself: down, racing, counted. */
public final class StoreProxies {
  private StoreProxies() {}

  /** The call of the store underneath, as the proxy received it. */
  @FunctionalInterface
  public interface Passed {
    Object call() throws Throwable;
  }

  /** Answers one call of the proxy: by passing it on ({@code store.call()}) or otherwise. */
  @FunctionalInterface
  public interface Answer {
    Object answer(String method, Passed store) throws Throwable;
  }

  /**
   * A store whose every call goes through {@code answer}.
   *
   * @param inner the store that does the work
   * @param answer what the proxy does with each call
   * @return the proxy
   */
  public static PlanStore around(PlanStore inner, Answer answer) {
    return (PlanStore) Proxy.newProxyInstance(
        PlanStore.class.getClassLoader(),
        new Class<?>[] {PlanStore.class},
        (proxy, method, args) -> answer.answer(method.getName(), () -> {
          try {
            return method.invoke(inner, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        }));
  }

  /**
   * A store whose every call but {@code fence()} throws {@link StoreException} (as a database that is down) while
   * {@code down} says so.
   *
   * @param inner the store that does the work while it is up
   * @param down tells whether it is down
   * @return the proxy
   */
  public static PlanStore failingWhile(PlanStore inner, BooleanSupplier down) {
    return throwingWhile(inner, down, () -> new StoreException("a call", "08006"));
  }

  /**
   * A store whose every call but {@code fence()} throws what {@code failure} makes while {@code down} says so.
   *
   * @param inner the store that does the work otherwise
   * @param down tells whether it fails
   * @param failure makes what it throws
   * @return the proxy
   */
  public static PlanStore throwingWhile(
      PlanStore inner, BooleanSupplier down, Supplier<? extends Throwable> failure) {
    return around(inner, (method, store) -> {
      if (down.getAsBoolean() && !method.equals("fence")) {
        throw failure.get();
      }
      return store.call();
    });
  }
}
