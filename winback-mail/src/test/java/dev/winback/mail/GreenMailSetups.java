package dev.winback.mail;

import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * GreenMail servers on free ports, given time to start on a busy machine (GreenMail's own 2 seconds are not always
 * enough when the build shares two cores).
 */
final class GreenMailSetups {
  private static final long STARTUP_TIMEOUT_MILLIS = 30_000;

  private GreenMailSetups() {}

  /** Plain SMTP on a free port. */
  static ServerSetup smtp() {
    return patient(ServerSetupTest.SMTP.dynamicPort());
  }

  /** SMTP over implicit TLS, with GreenMail's self-signed certificate, on a free port. */
  static ServerSetup smtps() {
    return patient(ServerSetupTest.SMTPS.dynamicPort());
  }

  private static ServerSetup patient(ServerSetup setup) {
    setup.setServerStartupTimeout(STARTUP_TIMEOUT_MILLIS);
    return setup;
  }
}
