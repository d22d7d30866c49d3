package dev.winback.jdbc;

import dev.winback.model.LostCustomer;
import dev.winback.model.Suppression;
import dev.winback.spi.AddressFingerprints;
import dev.winback.spi.SuppressionList;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link SuppressionList} in the {@code winback_suppression} table, shared by every node: keyed fingerprints
 * (HMAC-SHA256) of customer ids and contact addresses, never the values. Every node must use the same key. Addresses
 * are normalised before they are fingerprinted ({@link AddressFingerprints}); a lookup also tries the fingerprints
 * taken before normalisation, so entries written then still match.
 * Inside a decision of a {@link JdbcPlanStore}'s fence on the same {@link DataSource} object, its calls on the
 * deciding thread join the decision's transaction, so that e.g. an opt-out's plan update and its entry here commit
 * together or not at all. Thread-safe.
 */
public final class JdbcSuppressionList implements SuppressionList {
  private final DataSource dataSource;
  private final AddressFingerprints fingerprints;

  private JdbcSuppressionList(DataSource dataSource, byte[] key) {
    this.dataSource = dataSource;
    this.fingerprints = new AddressFingerprints(key);
  }

  /**
   * A list on a data source whose schema {@link JdbcPlanStore#migrate()} created.
   *
   * @param dataSource the data source
   * @param fingerprintKey the fingerprint key, at least 16 bytes, the same on every node; keep it secret
   * @return the list
   */
  public static JdbcSuppressionList create(DataSource dataSource, byte[] fingerprintKey) {
    return new JdbcSuppressionList(dataSource, fingerprintKey);
  }

  @Override
  public Optional<Suppression> lookup(LostCustomer customer) {
    return find(fingerprints.toLookUp(customer));
  }

  @Override
  public Optional<Suppression> lookup(LostCustomer customer, String homeRegion) {
    return find(fingerprints.toLookUp(customer, homeRegion));
  }

  @Override
  public void add(LostCustomer customer, Suppression reason) {
    put(fingerprints.toStore(customer), reason);
  }

  @Override
  public void add(LostCustomer customer, Suppression reason, String homeRegion) {
    put(fingerprints.toStore(customer, homeRegion), reason);
  }

  private Optional<Suppression> find(List<String> keys) {
    StringBuilder sql =
        new StringBuilder("SELECT reason FROM winback_suppression WHERE fingerprint IN (");
    for (int i = 0; i < keys.size(); i++) {
      sql.append(i == 0 ? "?" : ", ?");
    }
    sql.append(") LIMIT 1");
    return Transactions.read(dataSource, "look up the suppression list", c -> {
      try (PreparedStatement p = c.prepareStatement(sql.toString())) {
        for (int i = 0; i < keys.size(); i++) {
          p.setString(i + 1, keys.get(i));
        }
        try (ResultSet r = p.executeQuery()) {
          return r.next() ? Optional.of(Suppression.valueOf(r.getString(1))) : Optional.empty();
        }
      }
    });
  }

  private void put(List<String> keys, Suppression reason) {
    Transactions.write(dataSource, "add to the suppression list", c -> {
      try (PreparedStatement delete =
              c.prepareStatement("DELETE FROM winback_suppression WHERE fingerprint = ?");
          PreparedStatement insert = c.prepareStatement(
              "INSERT INTO winback_suppression (fingerprint, reason) VALUES (?, ?)")) {
        for (String key : keys) {
          delete.setString(1, key);
          delete.executeUpdate();
          insert.setString(1, key);
          insert.setString(2, reason.name());
          insert.executeUpdate();
        }
      }
      return true;
    });
  }
}
