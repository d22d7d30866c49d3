/**
 * E-mail that arrives: {@link dev.winback.mail.MailStrategy} sends the messages a
 * {@link dev.winback.message.MessageComposer} composes over SMTP with Jakarta Mail (Eclipse Angus), as every e-mail
 * strategy of a {@link dev.winback.WinBack} engine.
 */
@NullMarked
package dev.winback.mail;

import org.jspecify.annotations.NullMarked;
