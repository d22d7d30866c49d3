package dev.winback.internal;

import dev.winback.model.Channel;
import dev.winback.model.ContactPoint;
import dev.winback.model.LostCustomer;
import dev.winback.model.StepKind;
import dev.winback.model.StepTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Which channel a step goes on, from its template and the customer's consents. Stateless. */
public final class StepChannels {
  private StepChannels() {}

  /**
   * The channel for a step: the template's if consented, else the customer's preferred if consented, else the
   * first consented contact point's.
   *
   * @param template the step template
   * @param customer the customer
   * @return the channel, empty when the customer consented to none
   */
  public static Optional<Channel> channelFor(StepTemplate template, LostCustomer customer) {
    if (template.kind() == StepKind.GRACEFUL_GOODBYE) {
      return goodbyeChannel(template, customer);
    }
    if (template.channel().isPresent() && customer.consentsTo(template.channel().get())) {
      return template.channel();
    }
    if (customer.preferredChannel().isPresent()
        && customer.consentsTo(customer.preferredChannel().get())) {
      return customer.preferredChannel();
    }
    for (ContactPoint point : customer.contactPoints()) {
      if (point.consent().allowsContact()) {
        return Optional.of(point.channel());
      }
    }
    return Optional.empty();
  }

  /** A goodbye goes in writing, never by a call (a call to someone leaving is a save call); none if no such channel. */
  private static Optional<Channel> goodbyeChannel(StepTemplate template, LostCustomer customer) {
    List<Channel> candidates = new ArrayList<>(4);
    template.channel().ifPresent(candidates::add);
    customer.preferredChannel().ifPresent(candidates::add);
    for (ContactPoint point : customer.contactPoints()) {
      candidates.add(point.channel());
    }
    for (Channel channel : candidates) {
      if (channel != Channel.PHONE && customer.consentsTo(channel)) {
        return Optional.of(channel);
      }
    }
    return Optional.empty();
  }
}
