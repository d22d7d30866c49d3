package dev.winback.testkit;

import dev.winback.InvalidInputException;
import dev.winback.Problem;
import dev.winback.model.Channel;
import dev.winback.model.ChurnSignal;
import dev.winback.model.Consent;
import dev.winback.model.ContactPoint;
import dev.winback.model.CustomerValue;
import dev.winback.model.ExitCategory;
import dev.winback.model.ExitReason;
import dev.winback.model.LostCustomer;
import dev.winback.model.NewArrangement;
import dev.winback.model.ReasonSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads the lost customers of a {@link PlaybookDryRun} from CSV text with a header row, collecting every problem in
 * every row (as {@code row 3.email}) before failing.
 */
final class CsvCustomers {
  private CsvCustomers() {}

  static List<LostCustomer> parse(String csv) {
    List<List<String>> rows = CsvRows.parse(csv);
    if (rows.isEmpty()) {
      throw new InvalidInputException(
          "CSV", List.of(new Problem("", "is empty: a header row is required")));
    }
    List<String> header = rows.get(0);
    List<Problem> problems = new ArrayList<>();
    for (String required : List.of("id", "lostAt", "churnSignal")) {
      if (!header.contains(required)) {
        problems.add(new Problem("header", "is missing the required column '" + required + "'"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("CSV", problems);
    }
    List<LostCustomer> customers = new ArrayList<>();
    for (int r = 1; r < rows.size(); r++) {
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) {
        String value = c < rows.get(r).size() ? rows.get(r).get(c).trim() : "";
        if (!value.isEmpty()) {
          row.put(header.get(c), value);
        }
      }
      String path = "row " + (r + 1);
      try {
        customers.add(customerOf(row, path, problems));
      } catch (InvalidInputException e) {
        e.problems().forEach(p -> problems.add(p.under(path)));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("CSV", problems);
    }
    return customers;
  }

  /** The customer in a row, or null when the row has problems (added to {@code problems}). */
  private static @Nullable LostCustomer customerOf(
      Map<String, String> row, String path, List<Problem> problems) {
    int before = problems.size();
    LostCustomer.Builder customer = LostCustomer.builder();
    field(row, "id", path, problems, s -> s).ifPresent(customer::id);
    customer.displayName(row.getOrDefault("displayName", row.getOrDefault("id", "")));
    field(row, "lostAt", path, problems, Instant::parse).ifPresent(customer::lostAt);
    field(row, "churnSignal", path, problems, ChurnSignal::valueOf)
        .ifPresent(customer::churnSignal);
    field(row, "timeZone", path, problems, ZoneId::of).ifPresent(customer::timeZone);
    field(row, "preferredChannel", path, problems, Channel::valueOf)
        .ifPresent(customer::preferredChannel);
    field(row, "segment", path, problems, s -> s).ifPresent(customer::segment);
    Instant lostAt =
        field(row, "lostAt", path, new ArrayList<>(), Instant::parse).orElse(Instant.EPOCH);
    field(row, "exitCategory", path, problems, ExitCategory::valueOf).ifPresent(category -> {
      ExitReason.Builder reason =
          ExitReason.builder().category(category).source(ReasonSource.SURVEY).recordedAt(lostAt);
      field(row, "ourFault", path, problems, CsvCustomers::bool).ifPresent(reason::ourFault);
      customer.addExitReason(reason.build());
    });
    contact(row, "email", "emailConsent", Channel.EMAIL, path, problems, customer);
    contact(row, "phone", "phoneConsent", Channel.PHONE, path, problems, customer);
    contact(row, "postalAddress", "postConsent", Channel.POST, path, problems, customer);
    if (row.containsKey("monthlyRevenue") || row.containsKey("lifetimeRevenue")) {
      CustomerValue.Builder value = CustomerValue.builder();
      field(row, "monthlyRevenue", path, problems, BigDecimal::new)
          .ifPresent(value::monthlyRevenue);
      field(row, "lifetimeRevenue", path, problems, BigDecimal::new)
          .ifPresent(value::lifetimeRevenue);
      field(row, "currency", path, problems, Currency::getInstance)
          .ifPresentOrElse(
              value::currency,
              () -> problems.add(new Problem(path + ".currency", "is required with a revenue")));
      if (problems.size() == before) {
        try {
          customer.value(value.build());
        } catch (InvalidInputException e) {
          e.problems().forEach(p -> problems.add(p.under(path)));
        }
      }
    }
    if (row.containsKey("competitor") || row.containsKey("contractEnds")) {
      NewArrangement.Builder arrangement = NewArrangement.builder();
      field(row, "competitor", path, problems, s -> s).ifPresent(arrangement::competitor);
      field(row, "contractEnds", path, problems, LocalDate::parse)
          .ifPresent(arrangement::contractEnds);
      customer.newArrangement(arrangement.build());
    }
    for (String required : List.of("id", "lostAt", "churnSignal")) {
      if (!row.containsKey(required)) {
        problems.add(new Problem(path + "." + required, "is required"));
      }
    }
    if (problems.size() > before) {
      return null;
    }
    return customer.build();
  }

  private static void contact(
      Map<String, String> row,
      String column,
      String consentColumn,
      Channel channel,
      String path,
      List<Problem> problems,
      LostCustomer.Builder customer) {
    if (!row.containsKey(column)) {
      return;
    }
    Consent consent =
        field(row, consentColumn, path, problems, Consent::valueOf).orElse(Consent.GRANTED);
    try {
      customer.addContactPoint(ContactPoint.of(channel, row.get(column), consent));
    } catch (InvalidInputException e) {
      problems.add(new Problem(path + "." + column, e.problems().get(0).message()));
    }
  }

  private static Boolean bool(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default -> throw new IllegalArgumentException();
    };
  }

  private static <T> java.util.Optional<T> field(
      Map<String, String> row,
      String column,
      String path,
      List<Problem> problems,
      Function<String, T> parse) {
    String text = row.get(column);
    if (text == null) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(parse.apply(text));
    } catch (RuntimeException e) {
      problems.add(new Problem(path + "." + column, "cannot be read as " + column));
      return java.util.Optional.empty();
    }
  }

  /** A small RFC 4180 reader: commas, double-quoted fields, doubled quotes, CRLF or LF line ends. */
  static final class CsvRows {
    private CsvRows() {}

    static List<List<String>> parse(String text) {
      List<List<String>> rows = new ArrayList<>();
      List<String> row = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      boolean any = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            field.append(c);
          }
        } else if (c == '"') {
          quoted = true;
          any = true;
        } else if (c == ',') {
          row.add(field.toString());
          field.setLength(0);
          any = true;
        } else if (c == '\n' || c == '\r') {
          if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
          }
          if (any || field.length() > 0) {
            row.add(field.toString());
            rows.add(row);
          }
          row = new ArrayList<>();
          field.setLength(0);
          any = false;
        } else {
          field.append(c);
          any = true;
        }
      }
      if (any || field.length() > 0) {
        row.add(field.toString());
        rows.add(row);
      }
      return rows;
    }
  }
}
