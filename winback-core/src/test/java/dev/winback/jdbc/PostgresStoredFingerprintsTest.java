package dev.winback.jdbc;

import dev.winback.testing.Databases;
import dev.winback.testing.PooledDataSource;

class PostgresStoredFingerprintsTest extends StoredFingerprintsContract {
  @Override
  protected PooledDataSource newDatabase() {
    return Databases.newPostgres();
  }
}
