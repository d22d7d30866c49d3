package dev.winback.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Captures what is logged (slf4j-simple writes to standard error) while a piece of code runs. */
public final class CapturedLog {
  private CapturedLog() {}

  /** Code that may throw. */
  @FunctionalInterface
  public interface Action {
    void run() throws Exception;
  }

  /**
   * Runs an action and returns everything written to standard error meanwhile.
   *
   * @param action the action
   * @return the captured text
   * @throws Exception whatever the action throws
   */
  public static String during(Action action) throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
