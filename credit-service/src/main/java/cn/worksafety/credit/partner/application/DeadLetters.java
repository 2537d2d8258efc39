package cn.worksafety.credit.partner.application;

import cn.worksafety.credit.partner.model.DeadLetter;
import cn.worksafety.credit.partner.model.Partner;
import java.util.List;
import java.util.Set;

/** A partner's dead-letter queue, for an administrator to see into and to send back what was fixed. */
public interface DeadLetters {

  /** How many messages wait there, and the first {@code limit} of them. */
  record Peeked(long count, List<DeadLetter> messages) {}

  /** The count and the first {@code limit} messages, left where they are. */
  Peeked peek(Partner partner, int limit);

  /** How many messages wait there. */
  long count(Partner partner);

  /**
   * Moves messages back to the partner's queue, unchanged (same CloudEvents {@code id}): those
   * whose id is in {@code ids}, or any when {@code ids} is empty, among the first {@code limit}.
   * Each is taken off the dead-letter queue only once the broker confirmed it back in the queue.
   *
   * @return how many were moved
   */
  int replay(Partner partner, Set<String> ids, int limit);
}
