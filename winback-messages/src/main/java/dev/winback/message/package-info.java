/**
 * What the customer reads: {@link dev.winback.message.MessageComposer} turns a step about to be sent into a
 * {@link dev.winback.message.ComposedMessage}.
 */
@NullMarked
package dev.winback.message;

import org.jspecify.annotations.NullMarked;
