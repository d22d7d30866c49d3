/** Runnable examples of WinBack: a simulated win-back campaign, a host's CRM wiring and lapses found in real data. */
@NullMarked
package dev.winback.examples;

import org.jspecify.annotations.NullMarked;
