/**
 * WinBack: the engine ({@code dev.winback}), its values ({@code dev.winback.model}), the SPI that hosts and CRM
 * vendors implement ({@code dev.winback.spi}) and the JDBC store ({@code dev.winback.jdbc}). The engine's machinery
 * in {@code dev.winback.internal} is not exported.
 */
module dev.winback.core {
  requires transitive com.fasterxml.jackson.databind;
  requires transitive java.sql;
  requires transitive org.jspecify;
  requires com.fasterxml.jackson.datatype.jdk8;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires com.google.i18n.phonenumbers.libphonenumber;
  requires org.slf4j;
  requires static java.compiler;
  requires static org.immutables.value.annotations;

  exports dev.winback;
  exports dev.winback.model;
  exports dev.winback.spi;
  exports dev.winback.jdbc;

  opens dev.winback.model to
      com.fasterxml.jackson.databind;
}
