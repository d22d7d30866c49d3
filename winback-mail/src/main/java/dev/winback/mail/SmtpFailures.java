package dev.winback.mail;

import dev.winback.spi.StepResult;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.jspecify.annotations.Nullable;

/**
 * Turns what went wrong talking to the SMTP server into a step's outcome: a recipient refused for good (a 5xx reply
 * to {@code RCPT TO}) is {@link StepResult.Skipped skipped}, everything else {@link StepResult.Failed failed} and
 * retried. The reasons name the kind of failure and the SMTP reply code only: an exception's own message may quote
 * the address, so it is never used. Stateless.
 */
final class SmtpFailures {
  private SmtpFailures() {}

  static StepResult classify(MessagingException failure) {
    SMTPAddressFailedException refused = find(failure, SMTPAddressFailedException.class);
    if (refused != null) {
      int code = refused.getReturnCode();
      return code >= 500
          ? StepResult.skipped("the address was refused (SMTP " + code + ")")
          : StepResult.failed("the address was deferred for now (SMTP " + code + ")");
    }
    if (find(failure, AuthenticationFailedException.class) != null) {
      return StepResult.failed("the SMTP server refused the credentials");
    }
    if (find(failure, SocketTimeoutException.class) != null) {
      return StepResult.failed("the SMTP server did not answer in time");
    }
    if (find(failure, ConnectException.class) != null) {
      return StepResult.failed("the SMTP server could not be reached (connection refused)");
    }
    if (find(failure, UnknownHostException.class) != null) {
      return StepResult.failed("the SMTP server's host name is unknown");
    }
    if (find(failure, SSLException.class) != null) {
      return StepResult.failed("the TLS handshake with the SMTP server failed");
    }
    String message = failure.getMessage();
    if (message != null && message.contains("STARTTLS")) {
      // Angus's own words for a server that does not offer the STARTTLS we require; never an
      // address
      return StepResult.failed("the SMTP server does not offer STARTTLS, which is required");
    }
    SMTPSendFailedException rejected = find(failure, SMTPSendFailedException.class);
    if (rejected != null) {
      return StepResult.failed(
          "the SMTP server did not accept the message (SMTP " + rejected.getReturnCode() + ")");
    }
    if (failure instanceof SendFailedException) {
      return StepResult.failed("the SMTP server did not accept the message");
    }
    return StepResult.failed(
        "sending over SMTP failed (" + failure.getClass().getSimpleName() + ")");
  }

  /** The first throwable of a type among the failure, its causes and the messaging exceptions chained to it. */
  private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
    Set<Throwable> seen = new HashSet<>();
    ArrayDeque<Throwable> todo = new ArrayDeque<>();
    todo.add(failure);
    while (!todo.isEmpty()) {
      Throwable next = todo.removeFirst();
      if (!seen.add(next)) {
        continue;
      }
      if (type.isInstance(next)) {
        return type.cast(next);
      }
      if (next.getCause() != null) {
        todo.add(next.getCause());
      }
      if (next instanceof MessagingException messaging && messaging.getNextException() != null) {
        todo.add(messaging.getNextException());
      }
    }
    return null;
  }
}
