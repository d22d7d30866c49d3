package dev.winback.message;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.DefaultMustacheVisitor;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheVisitor;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.resolver.DefaultResolver;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Parses one Mustache template and records every merge field it names, so that a template naming an unknown field
 * fails when it is loaded. One parser per template: the factory it extends carries the escaping mode into the
 * compiled template (HTML escapes every value; plain text and subjects escape nothing).
 */
final class Parser extends DefaultMustacheFactory {

  /** A merge field a template names. */
  record Field(String name, int line, boolean unescaped) {}

  /** A parsed template: the compiled form (empty when it did not parse), its fields and its syntax problems. */
  record Parsed(Optional<Mustache> mustache, List<Field> fields, List<String> problems) {
    boolean names(String field) {
      return fields.stream().anyMatch(f -> f.name().equals(field));
    }

    String render(Map<String, Object> scope) {
      StringWriter out = new StringWriter();
      mustache.orElseThrow().execute(out, scope);
      return out.toString();
    }
  }

  private final boolean html;
  private final List<Field> fields = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  private Parser(boolean html) {
    super(new DefaultResolver() {
      @Override
      public Reader getReader(String resourceName) {
        return new StringReader("");
      }
    });
    this.html = html;
  }

  static Parsed html(String source, String name) {
    return new Parser(true).parse(source, name);
  }

  static Parsed text(String source, String name) {
    return new Parser(false).parse(source, name);
  }

  private Parsed parse(String source, String name) {
    try {
      Mustache mustache = compile(new StringReader(source), name);
      return new Parsed(
          problems.isEmpty() ? Optional.of(mustache) : Optional.empty(),
          List.copyOf(fields),
          List.copyOf(problems));
    } catch (MustacheException e) {
      problems.add("does not parse: " + firstLine(e.getMessage()));
      return new Parsed(Optional.empty(), List.copyOf(fields), List.copyOf(problems));
    }
  }

  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "syntax error";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  @Override
  public void encode(String value, Writer writer) {
    if (html) {
      super.encode(value, writer);
    } else {
      try {
        writer.write(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public MustacheVisitor createMustacheVisitor() {
    return new DefaultMustacheVisitor(this) {
      @Override
      public void value(TemplateContext tc, String variable, boolean encoded) {
        fields.add(new Field(variable.trim(), tc.line(), !encoded));
        super.value(tc, variable, encoded);
      }

      @Override
      public void iterable(TemplateContext tc, String variable, Mustache mustache) {
        fields.add(new Field(variable.trim(), tc.line(), false));
        super.iterable(tc, variable, mustache);
      }

      @Override
      public void notIterable(TemplateContext tc, String variable, Mustache mustache) {
        fields.add(new Field(variable.trim(), tc.line(), false));
        super.notIterable(tc, variable, mustache);
      }

      @Override
      public void partial(TemplateContext tc, String variable, String indent) {
        problems.add("includes a partial {{> " + variable.trim() + "}} (line " + tc.line()
            + "); templates stand alone");
      }

      @Override
      public void dynamicPartial(TemplateContext tc, String variable, String indent) {
        problems.add("includes a partial (line " + tc.line() + "); templates stand alone");
      }

      @Override
      public void extend(TemplateContext tc, String variable, Mustache mustache) {
        problems.add("extends another template (line " + tc.line() + "); templates stand alone");
      }
    };
  }
}
