package dev.winback;

import java.util.Objects;

/**
 * One thing wrong with an input: where it is (a field path such as {@code contactPoints[1].address}) and what is
 * wrong with it. Messages never repeat the offending value, so they are safe to log.
 *
 * @param path the field path, empty for the whole document
 * @param message what is wrong, in plain words
 */
public record Problem(String path, String message) {
  /**
   * Checks both parts are present.
   *
   * @param path the field path, empty for the whole document
   * @param message what is wrong, in plain words
   */
  public Problem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /**
   * Returns this problem with its path moved under a parent path.
   *
   * @param parent the parent path, e.g. {@code customer}
   * @return the same problem with path {@code parent.path}
   */
  public Problem under(String parent) {
    if (parent.isEmpty()) {
      return this;
    }
    if (path.isEmpty()) {
      return new Problem(parent, message);
    }
    return new Problem(path.startsWith("[") ? parent + path : parent + "." + path, message);
  }

  @Override
  public String toString() {
    return (path.isEmpty() ? "(document)" : path) + ": " + message;
  }
}
