package dev.winback.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The default copy of one language, read from {@code copy/<language>.txt} beside this class: {@code @phrase key =
 * value} lines (the small words the merge fields are built from, and {@code colon}, the colon after a link's
 * label in plain text), the layout ({@code @layout text} and
 * {@code @layout html} blocks, in Mustache) and templates ({@code === id}, a {@code subject:} line, then the body in
 * {@link Markup}). Lines starting with {@code #} are comments.
 */
record CopyFile(String language, List<Source> sources, Map<String, String> phrases) {
  static final List<String> LANGUAGES = List.of("en", "de", "fr", "es");

  static CopyFile load(String language) {
    String resource = "copy/" + language + ".txt";
    try (InputStream in = CopyFile.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the default copy " + resource + " is missing");
      }
      return parse(language, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CopyFile parse(String language, String content) {
    List<Source> sources = new ArrayList<>();
    Map<String, String> phrases = new HashMap<>();
    String layoutText = "";
    String block = "";
    String id = "";
    String subject = "";
    StringBuilder body = new StringBuilder();
    for (String line : (content + "\n=== end").split("\n", -1)) {
      boolean marker = line.startsWith("===") || line.startsWith("@");
      if (marker && !block.isEmpty()) {
        switch (block) {
          case "layout text" -> layoutText = body.toString();
          case "layout html" ->
            sources.add(new Source(
                Source.LAYOUT, language, Source.ANY_BRAND, "", layoutText, body.toString()));
          default ->
            sources.add(new Source(
                id,
                language,
                Source.ANY_BRAND,
                subject,
                Markup.text(body.toString(), phrases.getOrDefault("colon", ":")),
                Markup.html(body.toString())));
        }
        block = "";
        body.setLength(0);
      }
      if (line.startsWith("#") && block.isEmpty()) {
        continue;
      }
      if (line.startsWith("@phrase ")) {
        int equals = line.indexOf('=');
        phrases.put(line.substring(8, equals).trim(), line.substring(equals + 1).trim());
      } else if (line.startsWith("@layout ")) {
        block = line.substring(1).trim();
      } else if (line.startsWith("=== ")) {
        id = line.substring(4).trim();
        block = id.equals("end") ? "" : "template";
        subject = "";
      } else if (block.equals("template") && subject.isEmpty() && line.startsWith("subject:")) {
        subject = line.substring(8).trim();
      } else if (!block.isEmpty()) {
        body.append(line).append('\n');
      }
    }
    return new CopyFile(language, List.copyOf(sources), Map.copyOf(phrases));
  }
}
