package dev.winback.mail;

import static dev.winback.mail.Steps.step;
import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.winback.model.Channel;
import dev.winback.model.StepKind;
import dev.winback.spi.StepResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bound on SMTP connections, observed where it matters: the sessions open at once through a counting proxy in
 * front of a real SMTP server (GreenMail).
 */
class ConnectionBoundTest {
  private static final int SENDERS = 8;

  @RegisterExtension
  static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(GreenMailSetups.smtp());

  private final ExecutorService threads = Executors.newFixedThreadPool(SENDERS);

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  private static MailStrategy mailThrough(
      CountingProxy proxy, int maxConnections, Duration connectionWait) {
    return MailStrategy.builder()
        .host("127.0.0.1")
        .port(proxy.port())
        .security(SmtpSecurity.NONE)
        .from("hello@shop.example", "Shop")
        .composer(TestComposer.service())
        .maxConnections(maxConnections)
        .connectionWait(connectionWait)
        .readTimeout(Duration.ofSeconds(30))
        .build();
  }

  /** Sends one step for each of eight customers, all at once. */
  private CompletionService<StepResult> sendAllAtOnce(MailStrategy mail) {
    CompletionService<StepResult> results = new ExecutorCompletionService<>(threads);
    CountDownLatch start = new CountDownLatch(1);
    for (int i = 0; i < SENDERS; i++) {
      String id = "c" + i;
      results.submit(() -> {
        start.await();
        return mail.reEngage(step(lost(id).build(), 0, StepKind.RE_ENGAGEMENT, Channel.EMAIL));
      });
    }
    start.countDown();
    return results;
  }

  private static List<StepResult> take(CompletionService<StepResult> results, int count)
      throws Exception {
    List<StepResult> taken = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Future<StepResult> next = results.poll(20, TimeUnit.SECONDS);
      assertThat(next).as("result %d of %d within 20 s", i + 1, count).isNotNull();
      taken.add(next.get());
    }
    return taken;
  }

  @Test
  void eightConcurrentSendsNeverHaveMoreThanTwoSessionsOpen() throws Exception {
    try (CountingProxy proxy = new CountingProxy(GREEN_MAIL.getSmtp().getPort(), 2)) {
      MailStrategy mail = mailThrough(proxy, 2, Duration.ofSeconds(30));

      List<StepResult> results = take(sendAllAtOnce(mail), SENDERS);

      assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(StepResult.Sent.class));
      assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(SENDERS);
      assertThat(proxy.accepted()).isEqualTo(SENDERS);
      assertThat(proxy.peak()).as("two sessions overlapped, and never more").isEqualTo(2);
    }
  }

  @Test
  void aSendThatFindsEveryConnectionBusyFailsAfterTheWaitToBeRetried() throws Exception {
    try (CountingProxy proxy =
        new CountingProxy(GREEN_MAIL.getSmtp().getPort(), Integer.MAX_VALUE)) {
      MailStrategy mail = mailThrough(proxy, 2, Duration.ofMillis(300));

      CompletionService<StepResult> results = sendAllAtOnce(mail);
      List<StepResult> waitedInVain = take(results, SENDERS - 2);
      boolean twoOpenWhileHeld = proxy.awaitOpen(2, Duration.ofSeconds(20));
      proxy.releaseGreetings();
      List<StepResult> sent = take(results, 2);

      assertThat(waitedInVain)
          .containsOnly(StepResult.failed("all 2 SMTP connections stayed busy for PT0.3S"));
      assertThat(twoOpenWhileHeld)
          .as("the two sends that got a connection hold it")
          .isTrue();
      assertThat(sent).allSatisfy(r -> assertThat(r).isInstanceOf(StepResult.Sent.class));
      assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(2);
      assertThat(proxy.peak()).isEqualTo(2);
    }
  }

  @Test
  void theProxySeesEverySessionThatIsOpenAtOnce() throws Exception {
    try (CountingProxy proxy = new CountingProxy(GREEN_MAIL.getSmtp().getPort(), SENDERS)) {
      MailStrategy mail = mailThrough(proxy, SENDERS, Duration.ofSeconds(30));

      List<StepResult> results = take(sendAllAtOnce(mail), SENDERS);

      assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(StepResult.Sent.class));
      assertThat(proxy.peak()).as("with room for eight, all eight overlap").isEqualTo(SENDERS);
    }
  }
}
