package dev.winback;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that WinBack cannot accept: a value, a JSON document or a builder call with one or more problems. Every
 * problem found is listed with its field path; nothing was stored. Fix the input and try again.
 */
public class InvalidInputException extends WinBackException {
  private static final long serialVersionUID = 1L;

  /** What was being read or built. */
  private final String subject;
  /** Every problem found, each with its field path. */
  private final List<Problem> problems;

  /**
   * Creates the exception.
   *
   * @param subject what was being checked, e.g. {@code LostCustomer}
   * @param problems every problem found, at least one
   */
  public InvalidInputException(String subject, List<Problem> problems) {
    super(describe(subject, problems));
    this.subject = subject;
    this.problems = List.copyOf(problems);
  }

  /**
   * What was being checked, e.g. {@code LostCustomer} or {@code Playbook}.
   *
   * @return the subject's name
   */
  public String subject() {
    return subject;
  }

  /**
   * Every problem found, in document order.
   *
   * @return the problems, never empty
   */
  public List<Problem> problems() {
    return problems;
  }

  private static String describe(String subject, List<Problem> problems) {
    return "Invalid " + subject + " (" + problems.size()
        + (problems.size() == 1 ? " problem" : " problems") + "): "
        + problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
  }
}
