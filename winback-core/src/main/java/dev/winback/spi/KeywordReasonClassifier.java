package dev.winback.spi;

import dev.winback.model.ExitCategory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * English keyword rules, one pattern per category, tried in order of precedence: the first category whose
 * pattern occurs in the text wins. Stateless and thread-safe. Not API: use {@link ReasonClassifier#keywords()}.
 */
enum KeywordReasonClassifier implements ReasonClassifier {
  /** The one instance. */
  INSTANCE;

  private static final Map<ExitCategory, Pattern> RULES = new LinkedHashMap<>();

  static {
    rule(
        ExitCategory.DECEASED,
        "passed away",
        "deceased",
        "died",
        "death of",
        "funeral",
        "in memory of");
    rule(
        ExitCategory.TOO_MANY_MESSAGES,
        "too many (e-?mails|messages|texts|calls|newsletters)",
        "spam",
        "too often",
        "flood(ed)? my inbox",
        "unsubscribe",
        "constant (e-?mails|messages|calls)");
    rule(
        ExitCategory.STAFF_ATTITUDE,
        "rude",
        "attitude",
        "unfriendly",
        "unprofessional",
        "disrespect",
        "condescending",
        "support person",
        "sales ?rep",
        "staff");
    rule(
        ExitCategory.COMPETITOR_OFFER,
        "competitor",
        "better (offer|deal)",
        "switched to",
        "switching to",
        "cheaper elsewhere",
        "another (provider|vendor|company|agency)",
        "offered (me|us) more");
    rule(
        ExitCategory.BUDGET_CUT,
        "budget",
        "cut ?backs?",
        "cost[- ]cutting",
        "spending freeze",
        "funding");
    rule(
        ExitCategory.PRICE,
        "price",
        "pricing",
        "expensive",
        "costs? too much",
        "can'?t afford",
        "cannot afford",
        "too much money",
        "fees?",
        "overpriced");
    rule(
        ExitCategory.SERVICE_FAILURE,
        "outage",
        "never (resolved|fixed)",
        "not (resolved|fixed)",
        "no one (answered|responded|replied)",
        "waited",
        "wait(ing)? (time|times)",
        "late deliver",
        "delivery",
        "billing error",
        "overcharged",
        "poor service",
        "bad service",
        "customer service");
    rule(
        ExitCategory.PRODUCT_QUALITY,
        "bugs?",
        "crash(es|ed)?",
        "quality",
        "unreliable",
        "(doesn'?t|does not|didn'?t|did not) work",
        "broke",
        "defect");
    rule(
        ExitCategory.PRODUCT_CHANGE,
        "new version",
        "redesign",
        "you changed",
        "the change",
        "removed (the|a|my)",
        "update (ruined|broke)",
        "no longer (offer|support)");
    rule(
        ExitCategory.MISSING_FEATURE,
        "missing",
        "lacks?",
        "feature",
        "(doesn'?t|does not|didn'?t) (have|support|offer)",
        "integration",
        "wish (it|you) had");
    rule(
        ExitCategory.FELT_UNAPPRECIATED,
        "unappreciated",
        "not appreciated",
        "never heard from",
        "no one (called|checked)",
        "taken for granted",
        "ignored",
        "forgotten",
        "loyal");
    rule(
        ExitCategory.NO_LONGER_NEEDED,
        "no longer need",
        "(don'?t|do not) need",
        "not using",
        "stopped using",
        "no use for",
        "retired",
        "closed (our|my|the) business",
        "finished");
    rule(
        ExitCategory.MOVED,
        "moved",
        "moving",
        "relocat",
        "new (city|country|address)",
        "abroad",
        "out of (the )?area");
  }

  private static void rule(ExitCategory category, String... phrases) {
    RULES.put(
        category,
        Pattern.compile("\\b(" + String.join("|", phrases) + ")", Pattern.CASE_INSENSITIVE));
  }

  @Override
  public ExitCategory classify(String text, Locale locale) {
    for (Map.Entry<ExitCategory, Pattern> rule : RULES.entrySet()) {
      if (rule.getValue().matcher(text).find()) {
        return rule.getKey();
      }
    }
    return ExitCategory.UNKNOWN;
  }
}
