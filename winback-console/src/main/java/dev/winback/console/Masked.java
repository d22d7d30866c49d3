package dev.winback.console;

/**
 * Personal data as a viewer sees it: enough to tell values apart on a page, not enough to read them. Names keep their
 * first letter; addresses and the customers' own words are replaced whole. Stateless.
 */
final class Masked {
  private Masked() {}

  /** A display name: its first letter, then dots. */
  static String name(String name, Operator operator) {
    if (operator.seesPersonalData()) {
      return name;
    }
    return name.isEmpty()
        ? ""
        : name.codePoints()
                .limit(1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            + "••• (masked)";
  }

  /** An e-mail address, phone number or postal address. */
  static String address(String address, Operator operator) {
    return operator.seesPersonalData() ? address : "••• (masked)";
  }

  /** What a customer wrote or said. */
  static String words(String words, Operator operator) {
    return operator.seesPersonalData() ? words : "••• (masked, " + words.length() + " characters)";
  }
}
