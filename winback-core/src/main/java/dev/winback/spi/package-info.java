/**
 * Extension points: the interfaces that host applications and CRM vendors implement to wire WinBack into their own
 * CRM, mail and task systems, and the values passed to them. Each strategy has one abstract method, receives an
 * immutable context and returns an immutable result. Implementations are registered explicitly on
 * {@link dev.winback.WinBackBuilder}; nothing is discovered from the class path. The stock implementations
 * ({@code PlanStore.inMemory()}, {@code ContactPolicy.standard()}, {@code ReasonClassifier.keywords()},
 * {@code SuppressionList.inMemory(...)}) live package-private beside their interfaces.
 *
 * <p>How this package grows without breaking its users: interfaces gain only {@code default} methods; a record that
 * hosts or stores construct gains a component only together with a constructor of its earlier shape, so code
 * written against the earlier shape still compiles and runs.
 */
@NullMarked
package dev.winback.spi;

import org.jspecify.annotations.NullMarked;
