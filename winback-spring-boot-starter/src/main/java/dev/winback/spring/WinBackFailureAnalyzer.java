package dev.winback.spring;

import dev.winback.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start that failed because WinBack could not be built: when the playbook has steps of a kind that no
 * strategy carries out, it names the bean types to define; for any other wrong configuration it gives the engine's
 * own reason. Registered in {@code META-INF/spring.factories}.
 */
final class WinBackFailureAnalyzer extends AbstractFailureAnalyzer<ConfigurationException> {
  /** How the builder names a missing registration: {@code apology(ApologyStrategy)}. */
  private static final Pattern MISSING_STRATEGY = Pattern.compile("\\w+\\((\\w+Strategy)\\)");

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationException cause) {
    String message = String.valueOf(cause.getMessage());
    List<String> types = new ArrayList<>();
    if (message.contains("no strategy")) {
      Matcher matcher = MISSING_STRATEGY.matcher(message);
      while (matcher.find()) {
        types.add("dev.winback.spi." + matcher.group(1));
      }
    }
    if (types.isEmpty()) {
      return new FailureAnalysis(
          "WinBack could not be configured: " + message,
          "Change the winback.* properties or the WinBack beans the message names.",
          cause);
    }
    StringBuilder action = new StringBuilder();
    for (String type : types) {
      action.append("Define a bean of type ").append(type).append(".\n");
    }
    action
        .append("A strategy's none() (e.g. ")
        .append(types.get(0).substring(types.get(0).lastIndexOf('.') + 1))
        .append(".none()) skips such steps; a Playbook bean can leave them out.");
    return new FailureAnalysis(
        "WinBack could not start: its playbook has steps that no strategy carries out (" + message
            + ").",
        action.toString(),
        cause);
  }
}
