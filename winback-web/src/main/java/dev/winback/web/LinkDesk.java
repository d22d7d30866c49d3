package dev.winback.web;

import dev.winback.CustomerLinks;
import dev.winback.LinkTarget;
import dev.winback.Redemption;
import dev.winback.model.Feedback;
import dev.winback.model.LinkPurpose;
import dev.winback.model.WinBackPlan;

/** What the pages ask of WinBack's links: {@link CustomerLinks}'s methods, so that tests can stand in for them. */
interface LinkDesk {
  LinkTarget open(String token, LinkPurpose purpose);

  WinBackPlan answerSurvey(String token, Feedback feedback, boolean keepInTouch);

  WinBackPlan unsubscribe(String token);

  Redemption comeBack(String token);

  static LinkDesk of(CustomerLinks links) {
    return new LinkDesk() {
      @Override
      public LinkTarget open(String token, LinkPurpose purpose) {
        return links.open(token, purpose);
      }

      @Override
      public WinBackPlan answerSurvey(String token, Feedback feedback, boolean keepInTouch) {
        return links.answerSurvey(token, feedback, keepInTouch);
      }

      @Override
      public WinBackPlan unsubscribe(String token) {
        return links.unsubscribe(token);
      }

      @Override
      public Redemption comeBack(String token) {
        return links.comeBack(token);
      }
    };
  }
}
