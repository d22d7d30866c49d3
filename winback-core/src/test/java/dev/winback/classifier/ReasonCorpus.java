package dev.winback.classifier;

import dev.winback.model.ExitCategory;
import dev.winback.model.LabelledReason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The evaluation corpus in {@code dev/winback/classifier/reasons.csv}: short reasons for leaving, written for
 * WinBack in English, German, French and Spanish, each labelled with the category it should get. Rows of the
 * "heldout" split were written before the classifier was tuned and never looked at one by one while tuning.
 */
final class ReasonCorpus {
  /** One labelled text. */
  record Row(String split, String language, Locale locale, ExitCategory category, String text) {
    boolean heldOut() {
      return split.equals("heldout");
    }

    LabelledReason labelled() {
      return LabelledReason.of(text, Locale.forLanguageTag(language), category);
    }
  }

  private ReasonCorpus() {}

  static List<Row> rows() {
    try (InputStream in = Objects.requireNonNull(
        ReasonCorpus.class.getResourceAsStream("reasons.csv"), "reasons.csv")) {
      List<List<String>> records = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      List<Row> rows = new ArrayList<>();
      for (List<String> r : records.subList(1, records.size())) {
        rows.add(new Row(
            r.get(0),
            r.get(1),
            r.get(2).isEmpty() ? Locale.ROOT : Locale.forLanguageTag(r.get(2)),
            ExitCategory.valueOf(r.get(3)),
            r.get(4)));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** RFC 4180 records: fields separated by commas, quoted when they hold commas, quotes or line breaks. */
  static List<List<String>> parse(String csv) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
      } else if (c != '\r') {
        field.append(c);
      }
    }
    if (field.length() > 0 || !record.isEmpty()) {
      record.add(field.toString());
      records.add(record);
    }
    return records;
  }
}
