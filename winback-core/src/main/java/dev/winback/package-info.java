/**
 * WinBack's API: the engine ({@link dev.winback.WinBack}, built with {@link dev.winback.WinBackBuilder}), its
 * runner, the reactivation tokens, experiments, playbook checks, JSON, and the one exception root
 * {@link dev.winback.WinBackException} with subtypes that say what to do.
 *
 * <p><b>Guarantee:</b> every due step is invoked at least once; again only after a crash, a lapsed lease or a store
 * failure before its result was recorded, and then always with the same idempotency key. No step starts, on any
 * node sharing the store, after an opt-out, suppression, erasure or decline of its customer has returned.
 */
@NullMarked
package dev.winback;

import org.jspecify.annotations.NullMarked;
