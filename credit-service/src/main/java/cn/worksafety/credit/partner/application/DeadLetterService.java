package cn.worksafety.credit.partner.application;

import cn.worksafety.credit.partner.model.DeadLetter;
import cn.worksafety.credit.partner.model.Partner;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** What an administrator does with a partner's poison messages: look at them, send fixed ones back. */
@Service
public class DeadLetterService {
  private static final Logger log = LoggerFactory.getLogger(DeadLetterService.class);
  private final PartnerService partners;
  private final DeadLetters deadLetters;

  public DeadLetterService(PartnerService partners, DeadLetters deadLetters) {
    this.partners = partners;
    this.deadLetters = deadLetters;
  }

  public record Contents(String queue, long count, List<DeadLetter> messages) {}

  public record Replayed(int replayed, long remaining) {}

  public Contents peek(String code, int limit) {
    Partner partner = partners.get(code);
    DeadLetters.Peeked peeked = deadLetters.peek(partner, limit);
    return new Contents(partner.deadLetterQueue(), peeked.count(), peeked.messages());
  }

  public Replayed replay(String code, Set<String> ids, int limit) {
    Partner partner = partners.get(code);
    int replayed = deadLetters.replay(partner, ids, limit);
    log.info("{} dead-lettered messages of {} sent back to {}", replayed, code, partner.queue());
    return new Replayed(replayed, deadLetters.count(partner));
  }
}
