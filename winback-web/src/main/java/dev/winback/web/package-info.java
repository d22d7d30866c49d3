/**
 * The pages a customer answers a message through: {@link dev.winback.web.CustomerPages} handles the exit survey,
 * the way back and one-click unsubscribe behind the signed links in WinBack's messages, over a small request and
 * response model ({@link dev.winback.web.WebRequest}, {@link dev.winback.web.WebResponse}) that no web framework is
 * needed for; {@link dev.winback.web.JdkHttpAdapter} mounts them on the JDK's built-in HTTP server.
 */
@NullMarked
package dev.winback.web;

import org.jspecify.annotations.NullMarked;
