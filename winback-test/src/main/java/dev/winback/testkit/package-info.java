/**
 * The WinBack test kit: unit-test retention rules in milliseconds. {@link dev.winback.testkit.WinBackSimulation}
 * runs a real engine on a virtual clock with recording strategies, {@link dev.winback.testkit.LostCustomers} builds
 * customers in common situations, {@link dev.winback.testkit.WinBackAssertions} states retention rules as AssertJ
 * assertions whose failures show the customer's timeline, and {@link dev.winback.testkit.PlaybookDryRun} shows what
 * a playbook would do to a file of customers.
 */
@NullMarked
package dev.winback.testkit;

import org.jspecify.annotations.NullMarked;
