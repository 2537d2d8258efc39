package cn.worksafety.deploy.compose;

import java.util.ArrayList;
import java.util.List;

/**
 * The variable references compose substitutes in a value: {@code ${NAME}}, {@code ${NAME:-default}},
 * {@code ${NAME-default}}, {@code ${NAME:?message}}, {@code ${NAME?message}}, {@code ${NAME:+other}},
 * {@code ${NAME+other}} and {@code $NAME}; {@code $$} is a literal dollar sign, left to the container.
 */
final class Interpolation {
  private static final List<String> OPERATORS = List.of(":-", ":?", ":+", "-", "?", "+");

  /** {@code text} is the reference as written, e.g. {@code ${DB_PASSWORD:?set it}}. */
  record Reference(String name, String operator, String argument, String text) {
    boolean requiredWithMessage() {
      return operator.equals(":?") && !argument.isBlank();
    }
  }

  private Interpolation() {}

  /** Every reference in {@code value}, including those nested in another's default. */
  static List<Reference> references(String value) {
    List<Reference> found = new ArrayList<>();
    int i = 0;
    while (i < value.length()) {
      int dollar = value.indexOf('$', i);
      if (dollar < 0 || dollar == value.length() - 1) {
        break;
      }
      char next = value.charAt(dollar + 1);
      if (next == '$') {
        i = dollar + 2;
      } else if (next == '{') {
        int end = closingBrace(value, dollar + 2);
        Reference reference = braced(value.substring(dollar, end + 1));
        found.add(reference);
        found.addAll(references(reference.argument()));
        i = end + 1;
      } else if (startsName(next)) {
        int end = nameEnd(value, dollar + 1);
        found.add(new Reference(value.substring(dollar + 1, end), "", "", value.substring(dollar, end)));
        i = end;
      } else {
        i = dollar + 1;
      }
    }
    return found;
  }

  /** The value is one reference and nothing else, e.g. {@code ${DB_PASSWORD:?set it}}. */
  static boolean isSingleReference(String value) {
    List<Reference> found = references(value);
    return !found.isEmpty() && found.get(0).text().equals(value.strip());
  }

  /** The value with each reference written as plain {@code ${NAME}}, so its own shape can be read. */
  static String withPlainReferences(String value) {
    String plain = value;
    for (Reference reference : references(value)) {
      plain = plain.replace(reference.text(), "${" + reference.name() + "}");
    }
    return plain;
  }

  private static Reference braced(String text) {
    String inner = text.substring(2, text.length() - 1);
    int end = startsName(inner.isEmpty() ? ' ' : inner.charAt(0)) ? nameEnd(inner, 0) : 0;
    String name = inner.substring(0, end);
    String rest = inner.substring(end);
    for (String operator : OPERATORS) {
      if (rest.startsWith(operator)) {
        return new Reference(name, operator, rest.substring(operator.length()), text);
      }
    }
    return new Reference(name, "", rest, text);
  }

  private static int closingBrace(String value, int from) {
    int depth = 1;
    for (int i = from; i < value.length(); i++) {
      if (value.charAt(i) == '{') {
        depth++;
      } else if (value.charAt(i) == '}' && --depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("unclosed ${ in: " + value);
  }

  private static boolean startsName(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static int nameEnd(String value, int from) {
    int end = from;
    while (end < value.length() && (Character.isLetterOrDigit(value.charAt(end)) || value.charAt(end) == '_')) {
      end++;
    }
    return end;
  }
}
