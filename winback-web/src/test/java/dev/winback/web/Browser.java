package dev.winback.web;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium driven as a person would use it, over the Chrome DevTools Protocol on a WebSocket: opens a page,
 * clicks where an element is drawn, types, presses keys and waits for the next page to load. No driver binary and
 * no dependency beyond the JDK and Jackson. {@code .ci/run} installs Chromium and sets
 * {@code WINBACK_REQUIRE_BROWSER=1}, so in CI a missing browser fails the test; elsewhere it is skipped. Public, in
 * winback-web's test jar, for the browser tests of other modules (winback-console).
 */
public final class Browser implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final BlockingQueue<String> loads = new LinkedBlockingQueue<>();

  private Browser(Process process, String pageSocket) {
    this.process = process;
    this.socket = HttpClient.newHttpClient()
        .newWebSocketBuilder()
        .connectTimeout(WAIT)
        .buildAsync(URI.create(pageSocket), new Listener())
        .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
        .join();
  }

  /** Starts Chromium with a fresh profile in a directory, its viewport as wide as a phone's (375 px). */
  public static Browser launch(Path dir) throws IOException {
    Path chromium = chromium();
    List<String> command = new ArrayList<>(List.of(
        chromium.toString(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--remote-debugging-address=127.0.0.1",
        "--remote-debugging-port=0",
        "--window-size=375,900",
        "--user-data-dir=" + dir.resolve("profile"),
        "about:blank"));
    Process process = new ProcessBuilder(command)
        .redirectOutput(dir.resolve("chromium.out").toFile())
        .start();
    CompletableFuture<String> listening = new CompletableFuture<>();
    Thread reader =
        new Thread(() -> readLog(process, dir.resolve("chromium.log"), listening), "chromium-log");
    reader.setDaemon(true);
    reader.start();
    try {
      String browserSocket = listening.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      URI http = URI.create(browserSocket.replaceFirst("^ws://", "http://"));
      String pageSocket = pageSocket(URI.create("http://" + http.getAuthority() + "/json/list"));
      Browser browser = new Browser(process, pageSocket);
      browser.call("Page.enable", Map.of());
      browser.call(
          "Emulation.setDeviceMetricsOverride",
          Map.of("width", 375, "height", 900, "deviceScaleFactor", 1, "mobile", true));
      return browser;
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "Chromium did not start; see " + dir.resolve("chromium.log"), e);
    }
  }

  /** Opens a page and waits until it has loaded. */
  public void open(String url) {
    loads.clear();
    call("Page.navigate", Map.of("url", url));
    awaitLoad();
  }

  /** Evaluates a script in the page and returns its value as text. */
  public String eval(String script) {
    JsonNode result = call("Runtime.evaluate", Map.of("expression", script, "returnByValue", true));
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException("script failed: " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value").asText();
  }

  /** The text a person sees on the page. */
  public String text() {
    return eval("document.body.innerText");
  }

  /** Saves what the page looks like, all of it, as a PNG file. */
  public void screenshot(Path file) throws IOException {
    JsonNode shot =
        call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, java.util.Base64.getDecoder().decode(shot.path("data").asText()));
  }

  /** Clicks the middle of an element with the mouse, as a person would. */
  public void click(String selector) {
    String[] at = eval("(() => { const e = document.querySelector(" + quote(selector) + ");"
            + " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
            + " return (r.x + r.width / 2) + ',' + (r.y + r.height / 2); })()")
        .split(",");
    double x = Double.parseDouble(at[0]);
    double y = Double.parseDouble(at[1]);
    for (String type : List.of("mousePressed", "mouseReleased")) {
      call(
          "Input.dispatchMouseEvent",
          Map.of("type", type, "x", x, "y", y, "button", "left", "clickCount", 1));
    }
  }

  /** Clicks an element that submits a form, and waits for the page that answers. */
  public void clickAndWait(String selector) {
    loads.clear();
    click(selector);
    awaitLoad();
  }

  /** Types text into the focused field. */
  public void type(String text) {
    call("Input.insertText", Map.of("text", text));
  }

  /** Presses a key: {@code Tab}, {@code Space}, {@code Enter} or {@code ArrowDown}. */
  public void press(String key) {
    Map<String, Object[]> keys = Map.of(
        "Tab", new Object[] {"Tab", "Tab", 9, ""},
        "Space", new Object[] {" ", "Space", 32, " "},
        "Enter", new Object[] {"Enter", "Enter", 13, "\r"},
        "ArrowDown", new Object[] {"ArrowDown", "ArrowDown", 40, ""});
    Object[] k = Optional.ofNullable(keys.get(key)).orElseThrow();
    ObjectNode down = JSON.createObjectNode()
        .put("type", ((String) k[3]).isEmpty() ? "rawKeyDown" : "keyDown")
        .put("key", (String) k[0])
        .put("code", (String) k[1])
        .put("windowsVirtualKeyCode", (Integer) k[2]);
    if (!((String) k[3]).isEmpty()) {
      down.put("text", (String) k[3]);
    }
    call("Input.dispatchKeyEvent", down);
    call(
        "Input.dispatchKeyEvent",
        Map.of("type", "keyUp", "key", k[0], "code", k[1], "windowsVirtualKeyCode", k[2]));
  }

  /** Presses a key that submits a form, and waits for the page that answers. */
  public void pressAndWait(String key) {
    loads.clear();
    press(key);
    awaitLoad();
  }

  private void awaitLoad() {
    try {
      if (loads.poll(WAIT.toSeconds(), TimeUnit.SECONDS) == null) {
        fail("the page did not load within " + WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public JsonNode call(String method, Object params) {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", JSON.valueToTree(params));
    socket.sendText(message.toString(), true).join();
    JsonNode reply = answer.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    if (reply.has("error")) {
      throw new IllegalStateException(method + " failed: " + reply.get("error"));
    }
    return reply.path("result");
  }

  /** Stops Chromium and every process it started, and waits for them, so that its profile can be deleted. */
  @Override
  public void close() {
    socket.abort();
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    all.forEach(ProcessHandle::destroy);
    for (ProcessHandle handle : all) {
      try {
        handle.onExit().get(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        handle.destroyForcibly();
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        handle.destroyForcibly();
      }
    }
  }

  public static String quote(String text) {
    return JSON.valueToTree(text).toString();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder frame = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      frame.append(data);
      if (last) {
        handle(frame.toString());
        frame.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    private void handle(String text) {
      try {
        JsonNode message = JSON.readTree(text);
        if (message.has("id")) {
          Optional.ofNullable(pending.remove(message.get("id").asInt()))
              .ifPresent(f -> f.complete(message));
        } else if ("Page.loadEventFired".equals(message.path("method").asText())) {
          loads.add("loaded");
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static void readLog(Process process, Path log, CompletableFuture<String> listening) {
    try (BufferedReader err = new BufferedReader(
            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
      String line;
      while ((line = err.readLine()) != null) {
        out.println(line);
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          listening.complete(m.group(1));
        }
      }
      listening.completeExceptionally(new IllegalStateException("Chromium exited"));
    } catch (IOException e) {
      listening.completeExceptionally(e);
    }
  }

  private static String pageSocket(URI list) throws IOException, InterruptedException {
    HttpResponse<String> targets = HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(list).timeout(WAIT).build(),
            HttpResponse.BodyHandlers.ofString());
    for (JsonNode target : JSON.readTree(targets.body())) {
      if ("page".equals(target.path("type").asText())) {
        return target.path("webSocketDebuggerUrl").asText();
      }
    }
    throw new IllegalStateException("no page among " + targets.body());
  }

  private static Path chromium() {
    Optional<Path> found = Stream.of("chromium", "chromium-browser", "google-chrome")
        .flatMap(name ->
            Stream.of("/usr/bin/", "/usr/local/bin/", "/snap/bin/").map(dir -> Path.of(dir + name)))
        .filter(Files::isExecutable)
        .findFirst();
    if (found.isEmpty()) {
      if ("1".equals(System.getenv("WINBACK_REQUIRE_BROWSER"))) {
        fail("Chromium is required but not installed (apt-get install chromium)");
      }
      Assumptions.abort(
          "Chromium is not installed; .ci/run installs it (apt-get install chromium)");
    }
    return found.get();
  }
}
