package dev.winback.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report opens in a real browser: headless Chromium renders it 1,280 pixels wide, and a probe added to a
 * copy of the page (the report itself has no script) measures what was drawn. {@code .ci/run} installs Chromium and
 * sets {@code WINBACK_REQUIRE_BROWSER=1}, so in CI a missing browser fails the test; elsewhere it is skipped.
 */
class HtmlReportBrowserTest {
  private static final String PROBE = """
      <script>
      const visible = [...document.querySelectorAll('svg.chart')].filter(s => {
        const r = s.getBoundingClientRect(); return r.width > 300 && r.height > 50; }).length;
      const rows = document.querySelectorAll('table tbody tr').length;
      const bars = document.querySelectorAll('svg rect.bar').length;
      const whiskers = document.querySelectorAll('svg line.ci').length;
      const lines = document.querySelectorAll('svg polyline.trend').length;
      const modelCharts = [...document.querySelectorAll('section.model svg.chart')].filter(s => {
        const r = s.getBoundingClientRect(); return r.width > 300 && r.height > 150
          && s.querySelector('title') && s.getAttribute('role') === 'img'; }).length;
      const widest = Math.max(...[...document.querySelectorAll('main, table, svg')].map(e => e.getBoundingClientRect().right));
      document.body.setAttribute('data-probe', [document.documentElement.scrollWidth, visible,
        document.querySelectorAll('table').length, rows, bars, whiskers, lines, Math.round(widest), modelCharts].join(','));
      </script>
      """;

  @Test
  void theReportRendersInHeadlessChromiumAt1280Pixels(@TempDir Path dir) throws Exception {
    Path chromium = browser();
    Path page = dir.resolve("probe.html");
    Files.writeString(
        page, ReportFixture.reportWithModels().toHtml().replace("</body>", PROBE + "</body>"));
    Path screenshot = dir.resolve("report.png");

    String dom = run(
        chromium,
        dir,
        "--window-size=1280,2400",
        "--virtual-time-budget=3000",
        "--dump-dom",
        page.toUri().toString());
    run(
        chromium,
        dir,
        "--window-size=1280,2400",
        "--screenshot=" + screenshot,
        page.toUri().toString());

    Matcher probe = Pattern.compile("data-probe=\"([0-9,]+)\"").matcher(dom);
    assertThat(probe.find()).as("the probe ran in the browser").isTrue();
    String[] values = probe.group(1).split(",");
    assertThat(Integer.parseInt(values[0]))
        .as("page width (no horizontal scrolling)")
        .isLessThanOrEqualTo(1280);
    assertThat(Integer.parseInt(values[1]))
        .as("charts drawn at a readable size")
        .isGreaterThanOrEqualTo(3);
    assertThat(Integer.parseInt(values[2])).as("tables").isGreaterThanOrEqualTo(8);
    assertThat(Integer.parseInt(values[3])).as("table rows").isGreaterThan(20);
    assertThat(Integer.parseInt(values[4])).as("rate bars").isGreaterThan(3);
    assertThat(Integer.parseInt(values[5]))
        .as("interval whiskers")
        .isEqualTo(Integer.parseInt(values[4]));
    assertThat(Integer.parseInt(values[6])).as("trend lines").isGreaterThanOrEqualTo(3);
    assertThat(Integer.parseInt(values[7]))
        .as("rightmost edge of content")
        .isLessThanOrEqualTo(1280);
    assertThat(Integer.parseInt(values[8]))
        .as("lapse-model charts drawn with a title, as images")
        .isEqualTo(4);
    assertThat(pngWidth(screenshot)).isEqualTo(1280);
  }

  private static Path browser() {
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

  private static String run(Path chromium, Path dir, String... args)
      throws IOException, InterruptedException {
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
        "--user-data-dir=" + dir.resolve("profile")));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command)
        .redirectError(dir.resolve("chromium.log").toFile())
        .start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("Chromium did not finish within 90 s");
    }
    return new String(out, StandardCharsets.UTF_8);
  }

  private static int pngWidth(Path png) throws IOException {
    try (InputStream in = Files.newInputStream(png);
        DataInputStream data = new DataInputStream(in)) {
      data.skipBytes(16);
      return data.readInt();
    }
  }
}
