/**
 * A Spring Boot application that wins back customers with the WinBack starter: {@link
 * dev.winback.examples.spring.WinBackSpringExample} on an embedded H2 database, with strategies that log what a
 * mailer would send.
 */
@NullMarked
package dev.winback.examples.spring;

import org.jspecify.annotations.NullMarked;
