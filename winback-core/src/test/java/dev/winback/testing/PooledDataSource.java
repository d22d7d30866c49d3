package dev.winback.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A small connection pool for tests (a real host uses HikariCP or its container's pool): connections are reused,
 * and one that failed is dropped instead of returned.
 */
public final class PooledDataSource implements DataSource {
  private final DataSource target;
  private final LinkedBlockingDeque<Connection> idle = new LinkedBlockingDeque<>();

  public PooledDataSource(DataSource target) {
    this.target = target;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection real = idle.pollFirst();
    while (real != null && real.isClosed()) {
      real = idle.pollFirst();
    }
    if (real == null) {
      real = target.getConnection();
    }
    Connection connection = real;
    boolean[] broken = new boolean[1];
    return (Connection) Proxy.newProxyInstance(
        Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (method.getName().equals("close")) {
            if (broken[0] || connection.isClosed()) {
              connection.close();
            } else {
              if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
              }
              idle.offerFirst(connection);
            }
            return null;
          }
          try {
            return method.invoke(connection, args);
          } catch (InvocationTargetException e) {
            broken[0] = true;
            throw e.getCause();
          }
        });
  }

  /** Closes every idle connection. */
  public void closeAll() {
    Connection c;
    while ((c = idle.pollFirst()) != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
