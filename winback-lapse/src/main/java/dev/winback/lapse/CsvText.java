package dev.winback.lapse;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.winback.InvalidInputException;
import dev.winback.Problem;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * CSV text read through jackson-dataformat-csv: a byte-order mark dropped, the delimiter (comma, semicolon or tab)
 * taken from the header line, quoted fields, rows streamed one at a time. Stateless.
 */
final class CsvText {
  private static final CsvMapper MAPPER = new CsvMapper();

  private CsvText() {}

  /** A header and the rows after it, read lazily. */
  record Rows(List<String> header, Iterator<List<String>> rows) {
    int column(String subject, String... names) {
      int at = find(names);
      if (at < 0) {
        throw new InvalidInputException(
            subject, List.of(new Problem("header", "has no column " + String.join(" or ", names))));
      }
      return at;
    }

    int find(String... names) {
      for (String name : names) {
        int at = header.indexOf(name);
        if (at >= 0) {
          return at;
        }
      }
      return -1;
    }
  }

  /** Opens a file as UTF-8 text, gunzipping it when it starts with the gzip magic bytes. */
  static Reader open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    if (first == 0x1f && second == 0x8b) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  static Rows read(Reader source, String subject) {
    try {
      BufferedReader in = new BufferedReader(source, 1 << 16);
      in.mark(1);
      if (in.read() != '\uFEFF') {
        in.reset();
      }
      in.mark(1 << 16);
      String firstLine = in.readLine();
      if (firstLine == null) {
        throw new InvalidInputException(subject, List.of(new Problem("", "is empty")));
      }
      in.reset();
      CsvSchema schema =
          CsvSchema.emptySchema().withColumnSeparator(delimiter(firstLine)).withQuoteChar('"');
      MappingIterator<String[]> it = MAPPER
          .readerFor(String[].class)
          .with(CsvParser.Feature.WRAP_AS_ARRAY)
          .with(CsvParser.Feature.TRIM_SPACES)
          .with(CsvParser.Feature.SKIP_EMPTY_LINES)
          .with(schema)
          .readValues(in);
      if (!it.hasNextValue()) {
        throw new InvalidInputException(subject, List.of(new Problem("", "is empty")));
      }
      List<String> header = new ArrayList<>();
      for (String name : it.nextValue()) {
        header.add(name.strip());
      }
      return new Rows(List.copyOf(header), new Iterator<>() {
        @Override
        public boolean hasNext() {
          try {
            return it.hasNextValue();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }

        @Override
        public List<String> next() {
          try {
            return List.of(it.nextValue());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the " + subject, e);
    }
  }

  /** The most frequent of comma, semicolon and tab outside quotes in the header line; a comma when none. */
  static char delimiter(String headerLine) {
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    boolean quoted = false;
    for (int i = 0; i < headerLine.length(); i++) {
      char c = headerLine.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        commas += c == ',' ? 1 : 0;
        semicolons += c == ';' ? 1 : 0;
        tabs += c == '\t' ? 1 : 0;
      }
    }
    if (semicolons > commas && semicolons >= tabs) {
      return ';';
    }
    return tabs > commas ? '\t' : ',';
  }
}
