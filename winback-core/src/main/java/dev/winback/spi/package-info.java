/**
 * Extension points: the interfaces that host applications and CRM vendors implement to wire WinBack
 * into their own CRM, mail and task systems, and the values passed to them. Each strategy has one
 * abstract method, receives an immutable context and returns an immutable result. Implementations
 * are registered explicitly on {@link dev.winback.WinBackBuilder}; nothing is discovered from the
 * class path.
 */
@NullMarked
package dev.winback.spi;

import org.jspecify.annotations.NullMarked;
