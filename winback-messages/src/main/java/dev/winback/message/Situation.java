package dev.winback.message;

import dev.winback.model.ChurnSignal;
import dev.winback.model.ExitCategory;
import dev.winback.model.LostCustomer;
import java.util.Locale;

/**
 * Why the customer left, as far as the wording is concerned: the middle part of a template id. Decided from the
 * exit reasons: too many messages first (their wish for quiet outranks everything), then our fault, then the
 * primary category; with no reasons, a public complaint reads as our fault and a switch as a competitor.
 */
enum Situation {
  OUR_FAULT,
  PRICE,
  COMPETITOR,
  MOVED,
  TOO_MANY_MESSAGES,
  NO_LONGER_NEEDED,
  UNKNOWN;

  String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static Situation of(LostCustomer customer) {
    if (customer.leftBecauseOf(ExitCategory.TOO_MANY_MESSAGES)) {
      return TOO_MANY_MESSAGES;
    }
    if (customer.faultWasOurs()) {
      return OUR_FAULT;
    }
    if (customer.exitReasons().isEmpty()) {
      if (customer.churnSignal() == ChurnSignal.PUBLIC_COMPLAINT) {
        return OUR_FAULT;
      }
      return customer.churnSignal() == ChurnSignal.SWITCHED_TO_COMPETITOR ? COMPETITOR : UNKNOWN;
    }
    return switch (customer.primaryCategory()) {
      case PRICE, BUDGET_CUT -> PRICE;
      case COMPETITOR_OFFER -> COMPETITOR;
      case MOVED -> MOVED;
      case NO_LONGER_NEEDED -> NO_LONGER_NEEDED;
      default -> UNKNOWN;
    };
  }
}
