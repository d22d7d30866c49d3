package dev.winback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The module exports the API, the values, the SPI and the store, and nothing of the engine's machinery. */
class ModuleDescriptorTest {

  @Test
  void theModuleExportsOnlyTheApiPackages() throws Exception {
    ModuleDescriptor module;
    try (InputStream in = Files.newInputStream(Path.of("target", "classes", "module-info.class"))) {
      module = ModuleDescriptor.read(in);
    }

    assertThat(module.name()).isEqualTo("dev.winback.core");
    assertThat(module.exports())
        .allSatisfy(export -> assertThat(export.isQualified()).isFalse())
        .extracting(ModuleDescriptor.Exports::source)
        .containsExactlyInAnyOrder(
            "dev.winback", "dev.winback.model", "dev.winback.spi", "dev.winback.jdbc");
    assertThat(Path.of("target", "classes", "dev", "winback", "internal")).isDirectory();
    assertThat(
            module.opens().stream().map(ModuleDescriptor.Opens::source).collect(Collectors.toSet()))
        .containsExactly("dev.winback.model");
  }
}
