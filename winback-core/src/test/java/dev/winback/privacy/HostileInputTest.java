package dev.winback.privacy;

import static dev.winback.testing.Customers.LOST_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.winback.InvalidInputException;
import dev.winback.ManualClock;
import dev.winback.ReactivationTokens;
import dev.winback.TokenRejectedException;
import dev.winback.WinBack;
import dev.winback.WinBackException;
import dev.winback.WinBackJson;
import dev.winback.model.ExitCategory;
import dev.winback.model.Feedback;
import dev.winback.model.LostCustomer;
import dev.winback.model.Playbook;
import dev.winback.model.ReasonSource;
import dev.winback.spi.PlanStore;
import dev.winback.spi.StockStores;
import dev.winback.testing.Customers;
import dev.winback.testing.Recorder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.junit.jupiter.api.Test;

/**
 * Untrusted input: over 10,000 random and mutated JSON documents and tokens, the only exceptions are
 * {@link WinBackException}s, nothing hangs, and a failed input writes nothing.
 */
class HostileInputTest {
  private static final Duration NO_HANG = Duration.ofSeconds(5);
  private ManualClock clock;
  private PlanStore store;
  private WinBack winBack;
  private String validToken;
  private List<String> documents;

  @BeforeProperty
  void setUp() {
    clock = ManualClock.at(LOST_AT);
    store = PlanStore.inMemory();
    Recorder host = new Recorder();
    winBack = WinBack.builder()
        .clock(clock)
        .store(store)
        .reactivationTokens(ReactivationTokens.builder()
            .key("k1", "a signing secret of at least 32 bytes".getBytes(StandardCharsets.UTF_8))
            .build())
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
    winBack.start(Customers.leftBecauseOf("known", ExitCategory.PRICE)
        .value(Customers.worth("99"))
        .build());
    validToken = winBack.issueReactivationToken("known");
    documents = List.of(
        WinBackJson.write(Customers.leftBecauseOf("c1", ExitCategory.SERVICE_FAILURE)
            .value(Customers.worth("12.50"))
            .putAttribute("k", "v")
            .build()),
        WinBackJson.write(Feedback.of("too expensive", ReasonSource.SURVEY, LOST_AT)),
        WinBackJson.write(Playbook.standard()));
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  /** Feeds one untrusted document through reading and, if it reads, starting a plan or recording feedback. */
  private void feed(String json) {
    String before = StockStores.dump(store);
    try {
      assertTimeoutPreemptively(NO_HANG, () -> {
        LostCustomer customer = WinBackJson.read(json, LostCustomer.class);
        winBack.preview(customer);
      });
    } catch (WinBackException expected) {
      assertThat(StockStores.dump(store))
          .as("nothing written after a failed input")
          .isEqualTo(before);
    }
    try {
      assertTimeoutPreemptively(
          NO_HANG, () -> winBack.recordFeedback("known", WinBackJson.read(json, Feedback.class)));
    } catch (WinBackException expected) {
      assertThat(StockStores.dump(store))
          .as("nothing written after a failed input")
          .isEqualTo(before);
    }
    try {
      assertTimeoutPreemptively(NO_HANG, () -> dev.winback.PlanLint.load(json));
    } catch (WinBackException expected) {
      // refused
    }
  }

  @Property(tries = 3000)
  void mutatedDocumentsOnlyEverFailWithWinBackExceptions(@ForAll("seeds") long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    feed(Mutations.mutate(documents.get(random.nextInt(documents.size())), random));
  }

  @Property(tries = 3000)
  void randomDocumentsOnlyEverFailWithWinBackExceptions(@ForAll("seeds") long seed) {
    feed(Mutations.randomJson(new SplittableRandom(seed)));
  }

  @Property(tries = 4000)
  void forgedAndMutatedTokensAreRejectedAndChangeNothing(@ForAll("seeds") long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String token = random.nextInt(4) == 0
        ? Mutations.garbage(random)
        : Mutations.mutateToken(validToken, random);
    String before = StockStores.dump(store);
    try {
      assertTimeoutPreemptively(NO_HANG, () -> winBack.redeem(token));
      assertThat(token).as("only the genuine token redeems").isEqualTo(validToken);
      setUp(); // the genuine token was used up; start again for the next try
    } catch (TokenRejectedException expected) {
      assertThat(StockStores.dump(store)).isEqualTo(before);
    }
  }

  @Test
  void anOversizedDocumentIsRefusedBeforeParsing() {
    String huge = "{\"id\":\"" + "x".repeat(WinBackJson.MAX_DOCUMENT_LENGTH) + "\"}";

    assertThatThrownBy(() -> WinBackJson.read(huge, LostCustomer.class))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("is longer than 1000000 characters");
  }

  @Test
  void deepNestingIsRefused() {
    String deep = "{\"attributes\":" + "[".repeat(100) + "]".repeat(100) + "}";

    assertThatThrownBy(() -> WinBackJson.read(deep, LostCustomer.class))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("exceeds the input limits (nesting at most 32 levels");
  }

  @Test
  void typeInformationInTheInputIsNeverUsed() {
    String polymorphic = """
        {"@class": "java.net.URL", "id": "c1", "displayName": "x", "lostAt": "2026-03-02T09:00:00Z",
         "churnSignal": "OTHER", "attributes": {"@type": "java.lang.ProcessBuilder"}}
        """;

    assertThatThrownBy(() -> WinBackJson.read(polymorphic, LostCustomer.class))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("@class: is not a known field of LostCustomer");
    assertThat(WinBackJson.read(polymorphic, LostCustomer.class, WinBackJson.UnknownFields.IGNORE)
            .attributes())
        .containsEntry("@type", "java.lang.ProcessBuilder"); // a plain string, never a class
  }

  @Test
  void unknownFieldsCanBeIgnoredOnRequest() {
    String newer = """
        {"id": "c1", "displayName": "x", "lostAt": "2026-03-02T09:00:00Z", "churnSignal": "OTHER",
         "loyaltyTier": "gold", "contactPoints": [{"channel": "EMAIL", "address": "a@example.com", "verified": true}]}
        """;

    assertThatThrownBy(() -> WinBackJson.read(newer, LostCustomer.class))
        .hasMessageContaining("loyaltyTier: is not a known field")
        .hasMessageContaining("contactPoints[0].verified: is not a known field");
    assertThat(WinBackJson.read(newer, LostCustomer.class, WinBackJson.UnknownFields.IGNORE)
            .id())
        .isEqualTo("c1");
  }

  /** Ways to break a document or a token. */
  static final class Mutations {
    private static final String[] FIELD_NAMES = {
      "id",
      "displayName",
      "contactPoints",
      "channel",
      "address",
      "lostAt",
      "churnSignal",
      "exitReasons",
      "category",
      "value",
      "monthlyRevenue",
      "currency",
      "rules",
      "steps",
      "kind",
      "offset",
      "offer",
      "text",
      "source",
      "receivedAt",
      "@class",
      "__proto__",
      ""
    };

    private Mutations() {}

    static String mutate(String doc, SplittableRandom random) {
      StringBuilder text = new StringBuilder(doc);
      int edits = 1 + random.nextInt(6);
      for (int i = 0; i < edits && text.length() > 0; i++) {
        int at = random.nextInt(text.length());
        switch (random.nextInt(9)) {
          case 0 -> text.deleteCharAt(at);
          case 1 -> text.insert(at, (char) random.nextInt(0x20, 0x7f));
          case 2 -> text.setCharAt(at, "{}[]\":,-0e.\\".charAt(random.nextInt(12)));
          case 3 -> text.delete(at, Math.min(text.length(), at + random.nextInt(40)));
          case 4 ->
            text.insert(at, text.substring(at, Math.min(text.length(), at + random.nextInt(60))));
          case 5 -> text.insert(at, randomValue(random, 2));
          case 6 -> text.insert(at, "\\u" + Integer.toHexString(random.nextInt(0x10000)));
          case 7 ->
            text.replace(
                at,
                Math.min(text.length(), at + 1),
                "\"" + FIELD_NAMES[random.nextInt(FIELD_NAMES.length)] + "\":");
          default -> text.insert(at, "9".repeat(random.nextInt(1, 80)));
        }
      }
      return text.toString();
    }

    static String randomJson(SplittableRandom random) {
      return randomValue(random, 5);
    }

    private static String randomValue(SplittableRandom random, int depth) {
      int pick = random.nextInt(depth <= 0 ? 6 : 8);
      return switch (pick) {
        case 0 -> "null";
        case 1 -> random.nextBoolean() ? "true" : "false";
        case 2 -> Long.toString(random.nextLong());
        case 3 ->
          Double.toString(random.nextDouble() * 1e6)
              + (random.nextBoolean() ? "e" + random.nextInt(400) : "");
        case 4 -> "\"" + garbage(random).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        case 5 ->
          "\""
              + new String[] {
                    "PRICE", "EMAIL", "2026-03-02T09:00:00Z", "P3M", "EUR", "-P1D", "PT-1H"
                  }
                  [random.nextInt(7)]
              + "\"";
        case 6 -> {
          StringBuilder array = new StringBuilder("[");
          int n = random.nextInt(5);
          for (int i = 0; i < n; i++) {
            array.append(i > 0 ? "," : "").append(randomValue(random, depth - 1));
          }
          yield array.append(']').toString();
        }
        default -> {
          StringBuilder object = new StringBuilder("{");
          int n = random.nextInt(7);
          for (int i = 0; i < n; i++) {
            object
                .append(i > 0 ? "," : "")
                .append('"')
                .append(FIELD_NAMES[random.nextInt(FIELD_NAMES.length)])
                .append("\":")
                .append(randomValue(random, depth - 1));
          }
          yield object.append('}').toString();
        }
      };
    }

    static String garbage(SplittableRandom random) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(0, random.nextInt(10) == 0 ? 400 : 60);
      for (int i = 0; i < length; i++) {
        text.append((char)
            (random.nextInt(8) == 0 ? random.nextInt(0x20, 0xffff) : random.nextInt(0x20, 0x7f)));
      }
      return text.toString();
    }

    static String mutateToken(String token, SplittableRandom random) {
      StringBuilder text = new StringBuilder(token);
      int at = random.nextInt(text.length());
      switch (random.nextInt(6)) {
        case 0 -> text.setCharAt(at, "ABCxyz019-_.=".charAt(random.nextInt(13)));
        case 1 -> text.deleteCharAt(at);
        case 2 -> text.insert(at, (char) random.nextInt(0x20, 0x7f));
        case 3 -> text.setLength(at);
        case 4 -> text.append(text.substring(at));
        default -> {
          String[] parts = token.split("\\.");
          String tmp = parts[2];
          parts[2] = parts[3].substring(0, Math.min(parts[3].length(), 32));
          parts[3] = tmp;
          return String.join(".", parts);
        }
      }
      return text.toString();
    }
  }
}
