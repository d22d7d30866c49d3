/**
 * The operator console of a Spring MVC application: server-rendered pages under a configurable path that show the
 * win-back funnel, the backlog, failed steps and quarantined plans, a customer's plan and journal and the insight
 * report, and the actions an operator with the admin role may take. The only public types are the
 * auto-configuration and its properties; the rest is package-private.
 */
@NullMarked
package dev.winback.console;

import org.jspecify.annotations.NullMarked;
