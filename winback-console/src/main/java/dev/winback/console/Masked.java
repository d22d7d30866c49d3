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

  /**
   * The detail of an operator's action ("operator 'alice@example.com' paused the plan"), whose name is the acting
   * operator's login, often their e-mail address: a viewer or an anonymous visitor sees its first letter only.
   */
  static String operatorAction(String detail, Operator operator) {
    if (operator.seesPersonalData()) {
      return detail;
    }
    String prefix = "operator '";
    int end = detail.lastIndexOf("' ");
    if (!detail.startsWith(prefix) || end < prefix.length()) {
      return "••• (masked)";
    }
    return prefix + name(detail.substring(prefix.length(), end), operator) + detail.substring(end);
  }

  /** What a customer wrote or said. */
  static String words(String words, Operator operator) {
    return operator.seesPersonalData() ? words : "••• (masked, " + words.length() + " characters)";
  }
}
