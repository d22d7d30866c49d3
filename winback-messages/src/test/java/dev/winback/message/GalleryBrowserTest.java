package dev.winback.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gallery opens in a real browser: headless Chromium renders it on a phone's width and a desktop's, and a probe
 * added to a copy of the page (the gallery itself has no script) measures what was drawn and checks every link. The
 * copy is shown in a frame exactly as wide as the screen under test, because headless Chromium's window is at least
 * 500 pixels wide; the frame's viewport is the real thing, and the probe reports to the page around it.
 * {@code .ci/run} installs Chromium and sets {@code WINBACK_REQUIRE_BROWSER=1}, so in CI a missing browser fails
 * the test; elsewhere it is skipped.
 */
class GalleryBrowserTest {
  private static final String PROBE = """
      <script>
      const links = [...document.querySelectorAll('article.message a')];
      const wellFormed = href => { try { const u = new URL(href);
        return (u.protocol === 'https:' || u.protocol === 'http:') && href === u.href.slice(0, href.length)
          && u.hostname.includes('.'); } catch (e) { return false; } };
      const bad = links.filter(a => !wellFormed(a.getAttribute('href') || '')).length;
      const unlabelled = links.filter(a => a.textContent.trim() === '').length;
      const nav = [...document.querySelectorAll('nav a')];
      const lostNav = nav.filter(a => !document.getElementById((a.getAttribute('href') || '#').slice(1))).length;
      const images = [...document.querySelectorAll('img')];
      const noAlt = images.filter(i => !i.hasAttribute('alt')).length;
      const widest = Math.max(...[...document.querySelectorAll('body *')].map(e => e.getBoundingClientRect().right));
      const messages = document.querySelectorAll('article.message').length;
      parent.document.body.setAttribute('data-probe', [window.innerWidth, document.documentElement.scrollWidth,
        Math.ceil(widest), messages, links.length, bad, unlabelled, nav.length, lostNav, images.length, noAlt]
        .join(','));
      </script>
      """;

  @ParameterizedTest(name = "{0} px wide")
  @ValueSource(ints = {375, 1280})
  void everyMessageFitsTheWidthAndEveryLinkIsWellFormed(int width, @TempDir Path dir)
      throws Exception {
    int[] values = probe(Gallery.render(Templates.defaults()), width, dir);

    assertThat(values[0]).as("the viewport width").isEqualTo(width);
    assertThat(values[1]).as("page width (no horizontal scrolling)").isLessThanOrEqualTo(width);
    assertThat(values[2]).as("rightmost edge of any element").isLessThanOrEqualTo(width);
    assertThat(values[3]).as("messages shown").isGreaterThanOrEqualTo(4 * 35);
    assertThat(values[4]).as("links in the messages").isGreaterThanOrEqualTo(values[3] * 2);
    assertThat(values[5]).as("links that are not absolute http(s) URLs").isZero();
    assertThat(values[6]).as("links without a label").isZero();
    assertThat(values[7]).as("language links").isEqualTo(4);
    assertThat(values[8]).as("language links to nowhere").isZero();
    assertThat(values[10]).as("images without alt text").isZero();
  }

  @Test
  void theProbeSeesAWideMessageARelativeLinkAndAnImageWithoutAltText(@TempDir Path dir)
      throws Exception {
    MessageComposer careless = context -> new ComposedMessage(
        "Wide",
        "Wide",
        "<div style=\"width:900px\">wide</div><a href=\"/come-back\">back</a><img src=\"logo.png\">",
        Locale.ENGLISH,
        List.of("careless"),
        false,
        Optional.empty());

    int[] values = probe(Gallery.render(careless), 375, dir);

    assertThat(values[1]).as("page width").isGreaterThan(375);
    assertThat(values[5]).as("links that are not absolute http(s) URLs").isPositive();
    assertThat(values[10]).as("images without alt text").isPositive();
  }

  private static int[] probe(String gallery, int width, Path dir) throws Exception {
    Path chromium = browser();
    String probed = gallery.replace("</body>", PROBE + "</body>");
    Path page = dir.resolve("frame.html");
    Files.writeString(
        page,
        "<!DOCTYPE html><html><body style=\"margin:0\"><iframe title=\"gallery\" style=\"width:"
            + width + "px;height:2000px;border:0\" srcdoc=\"" + Markup.escape(probed)
            + "\"></iframe></body></html>");

    String dom = run(
        chromium,
        dir,
        "--window-size=1400,2100",
        "--virtual-time-budget=5000",
        "--dump-dom",
        page.toUri().toString());

    Matcher probe = Pattern.compile("data-probe=\"([0-9,]+)\"").matcher(dom);
    assertThat(probe.find()).as("the probe ran in the browser").isTrue();
    return Stream.of(probe.group(1).split(",")).mapToInt(Integer::parseInt).toArray();
  }

  @Test
  void theGalleryShowsEveryShippedTemplateInEveryLanguage() {
    String gallery = Gallery.render(Templates.defaults());

    for (String language : CopyFile.LANGUAGES) {
      for (Source source : DefaultCopy.of(language).sources()) {
        if (!source.layout()) {
          assertThat(gallery).contains(source.id() + " · " + language + " · ");
        }
      }
    }
    assertThat(gallery).contains("thank-you.our-fault + incentive-offer.our-fault · de · ");
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
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("Chromium did not finish within 120 s");
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
