package dev.winback.jdbc;

import dev.winback.StoreException;
import dev.winback.spi.GrantConsumption;
import dev.winback.spi.ReactivationGrant;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The store's reactivation grants in {@code winback_grant}: saving a grant, and consuming it at most once.
 * Thread-safe: it holds only the data source, and the database decides which of two concurrent consumptions wins.
 */
final class Grants {
  private final DataSource dataSource;

  Grants(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** See {@link dev.winback.spi.PlanStore#saveGrant}. */
  void save(ReactivationGrant grant) {
    Transactions.write(dataSource, "save a reactivation grant", c -> {
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO winback_grant (token_id, customer_id, body) VALUES (?, ?, ?)")) {
        p.setString(1, grant.tokenId());
        p.setString(2, grant.customerId());
        p.setString(3, Rows.write(grant));
        return p.executeUpdate();
      }
    });
  }

  /** See {@link dev.winback.spi.PlanStore#findGrant}. */
  GrantConsumption find(String tokenId) {
    return Transactions.read(dataSource, "find a reactivation grant", c -> {
      try (PreparedStatement p =
          c.prepareStatement("SELECT body, consumed_at FROM winback_grant WHERE token_id = ?")) {
        p.setString(1, tokenId);
        try (ResultSet r = p.executeQuery()) {
          if (!r.next()) {
            return new GrantConsumption(GrantConsumption.Status.UNKNOWN, Optional.empty());
          }
          ReactivationGrant grant = Rows.tryRead(r.getString(1), ReactivationGrant.class)
              .orElseThrow(() -> new StoreException(
                  "find a reactivation grant: the stored grant cannot be read", "unknown"));
          return new GrantConsumption(
              r.getObject(2) == null
                  ? GrantConsumption.Status.UNUSED
                  : GrantConsumption.Status.ALREADY_USED,
              Optional.of(grant));
        }
      }
    });
  }

  /** See {@link dev.winback.spi.PlanStore#consumeGrant}. */
  GrantConsumption consume(String tokenId, Instant at) {
    return Transactions.write(dataSource, "consume a reactivation grant", c -> {
      int consumed;
      try (PreparedStatement p = c.prepareStatement(
          "UPDATE winback_grant SET consumed_at = ? WHERE token_id = ? AND consumed_at IS NULL")) {
        Rows.setTime(p, 1, at);
        p.setString(2, tokenId);
        consumed = p.executeUpdate();
      }
      try (PreparedStatement p =
          c.prepareStatement("SELECT body FROM winback_grant WHERE token_id = ?")) {
        p.setString(1, tokenId);
        try (ResultSet r = p.executeQuery()) {
          if (!r.next()) {
            return new GrantConsumption(GrantConsumption.Status.UNKNOWN, Optional.empty());
          }
          if (consumed != 1) {
            return new GrantConsumption(GrantConsumption.Status.ALREADY_USED, Optional.empty());
          }
          ReactivationGrant grant = Rows.tryRead(r.getString(1), ReactivationGrant.class)
              .orElseThrow(() -> new StoreException(
                  "consume a reactivation grant: the stored grant cannot be read", "unknown"));
          return new GrantConsumption(GrantConsumption.Status.CONSUMED, Optional.of(grant));
        }
      }
    });
  }
}
