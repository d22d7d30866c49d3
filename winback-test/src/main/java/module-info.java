/** WinBack's test kit: a simulation on a virtual clock, fixtures, assertions and dry runs of playbooks. */
module dev.winback.testkit {
  requires transitive dev.winback.core;
  requires transitive org.assertj.core;
  requires static org.jspecify;

  exports dev.winback.testkit;
}
