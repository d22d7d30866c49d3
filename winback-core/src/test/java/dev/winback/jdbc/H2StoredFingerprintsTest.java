package dev.winback.jdbc;

import dev.winback.testing.Databases;
import dev.winback.testing.PooledDataSource;

class H2StoredFingerprintsTest extends StoredFingerprintsContract {
  @Override
  protected PooledDataSource newDatabase() {
    return Databases.newH2();
  }
}
