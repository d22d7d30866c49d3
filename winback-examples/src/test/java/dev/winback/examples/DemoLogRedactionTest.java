package dev.winback.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.model.ContactPoint;
import dev.winback.model.LostCustomer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A whole demo run, with every log level on, writes no customer's contact details or words to the log. */
class DemoLogRedactionTest {

  @Test
  void theWholeDemoLogsNoPersonalData() {
    PrintStream originalErr = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      WinBackDemo.run(new PrintStream(printed, true, StandardCharsets.UTF_8));
    } finally {
      System.setErr(originalErr);
    }
    String logged = log.toString(StandardCharsets.UTF_8);

    assertThat(logged).as("debug logging reached the capture").contains("Started plan c01@");
    List<String> personal = new ArrayList<>(List.of(WinBackDemo.answers()));
    for (LostCustomer customer : WinBackDemo.customers()) {
      customer.contactPoints().stream().map(ContactPoint::address).forEach(personal::add);
      personal.add(customer.displayName());
    }
    for (String text : personal) {
      assertThat(logged).as("the demo's log").doesNotContain(text);
      assertThat(printed.toString(StandardCharsets.UTF_8))
          .as("the demo's output")
          .doesNotContain(text);
    }
  }
}
