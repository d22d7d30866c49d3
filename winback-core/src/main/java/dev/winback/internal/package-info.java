/**
 * The engine's machinery: not API, not exported by the module, and free to change in any release.
 */
@NullMarked
package dev.winback.internal;

import org.jspecify.annotations.NullMarked;
