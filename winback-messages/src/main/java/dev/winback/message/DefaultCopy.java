package dev.winback.message;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The default copy of each language, read once per class loader. */
final class DefaultCopy {
  private static final Map<String, CopyFile> LOADED = new ConcurrentHashMap<>();

  private DefaultCopy() {}

  static CopyFile of(String language) {
    return LOADED.computeIfAbsent(language, CopyFile::load);
  }
}
