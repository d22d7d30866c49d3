/**
 * WinBack in a Spring Boot application: {@link dev.winback.spring.WinBackAutoConfiguration} builds one
 * {@link dev.winback.WinBack} from the application's beans, its {@code DataSource} and the {@code winback.*}
 * properties ({@link dev.winback.spring.WinBackProperties}), runs it with {@link dev.winback.spring.WinBackRunner},
 * and, when their libraries are present, adds Micrometer metrics, an Actuator health indicator and the customer pages
 * in Spring MVC. {@link dev.winback.spring.WinBackBuilderCustomizer} tweaks the engine before it is built.
 */
@NullMarked
package dev.winback.spring;

import org.jspecify.annotations.NullMarked;
