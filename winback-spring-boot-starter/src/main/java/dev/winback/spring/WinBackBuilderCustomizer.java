package dev.winback.spring;

import dev.winback.WinBackBuilder;

/**
 * Tweaks the {@link WinBackBuilder} the starter has filled from the application's beans and properties, just before
 * the engine is built: define one or more as beans (they run in their {@code @Order}). A builder option may be set
 * only once, so a customizer sets only what the starter left unset (e.g. an experiment or a step timeout).
 */
@FunctionalInterface
public interface WinBackBuilderCustomizer {
  /**
   * Changes the builder.
   *
   * @param builder the builder, already filled by the starter
   */
  void customize(WinBackBuilder builder);
}
