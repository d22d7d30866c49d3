package dev.winback.web;

/** The responses the pages send, each with the headers every page carries. */
final class Responses {
  private Responses() {}

  static WebResponse html(int status, String body) {
    return WebResponse.of(status, secured().asMap(), body);
  }

  static WebResponse notAllowed(Texts t) {
    WebResponse.Headers headers = secured().set("Allow", "GET, POST");
    return WebResponse.of(
        405, headers.asMap(), Pages.message(t, "refused.title", t.get("error.method")));
  }

  static WebResponse withCookie(WebResponse response, String cookie) {
    WebResponse.Headers headers = new WebResponse.Headers();
    response.headers().forEach((name, values) -> values.forEach(v -> headers.add(name, v)));
    headers.add("Set-Cookie", cookie);
    return WebResponse.of(response.status(), headers.asMap(), response.body());
  }

  /** No caching (the pages show a customer's links), no framing, no script, no referrer (tokens are in URLs). */
  private static WebResponse.Headers secured() {
    return new WebResponse.Headers()
        .set("Content-Type", "text/html; charset=utf-8")
        .set("Content-Security-Policy", Pages.CONTENT_SECURITY_POLICY)
        .set("X-Frame-Options", "DENY")
        .set("Referrer-Policy", "no-referrer")
        .set("Cache-Control", "no-store")
        .set("X-Content-Type-Options", "nosniff")
        .set("Cross-Origin-Opener-Policy", "same-origin");
  }
}
