package cn.worksafety.credit.partner.model;

import java.time.Instant;

/**
 * A message a partner's queue gave up on, as it waits in the dead-letter queue: the CloudEvents
 * attributes where the body is one, why it was dead-lettered and how often.
 *
 * @param reason the broker's: {@code rejected} (the consumer refused it) or {@code delivery_limit}
 *     (given back too often)
 */
public record DeadLetter(String id, String type, String subject, String sequence, String reason,
    Instant deadLetteredAt, long times, String body) {}
