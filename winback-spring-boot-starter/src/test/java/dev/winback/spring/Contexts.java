package dev.winback.spring;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** What the tests share: an application context with the starter, and a look at the store's rows. */
final class Contexts {
  private Contexts() {}

  /** A context with the starter's auto-configuration, the runner off and the business in UTC. */
  static ApplicationContextRunner withStarter() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(WinBackAutoConfiguration.class))
        .withPropertyValues("winback.runner.enabled=false", "winback.default-zone=UTC");
  }

  /** The first column of every row a query returns, as text. */
  static List<String> column(DataSource dataSource, String sql) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(String.valueOf(rows.getString(1)));
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Every message in a failure's chain of causes, and the validation errors Spring Boot carries in its own. */
  static String describe(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      text.append(t.getMessage()).append('\n');
    }
    return text.toString();
  }
}
