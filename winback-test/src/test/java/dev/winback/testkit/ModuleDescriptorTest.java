package dev.winback.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The test kit's module exports its one package and brings the engine's API with it. */
class ModuleDescriptorTest {

  @Test
  void theModuleExportsTheTestKitAndRequiresTheCoreTransitively() throws Exception {
    ModuleDescriptor module;
    try (InputStream in = Files.newInputStream(Path.of("target", "classes", "module-info.class"))) {
      module = ModuleDescriptor.read(in);
    }

    assertThat(module.name()).isEqualTo("dev.winback.testkit");
    assertThat(module.exports())
        .extracting(ModuleDescriptor.Exports::source)
        .containsExactly("dev.winback.testkit");
    assertThat(module.requires()).anySatisfy(requires -> {
      assertThat(requires.name()).isEqualTo("dev.winback.core");
      assertThat(requires.modifiers()).contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE);
    });
  }
}
