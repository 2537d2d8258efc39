package cn.worksafety.credit.blacklist.model;

import java.time.Instant;

/**
 * A listing condition met: the trigger, the penalty decision behind it and, in words, the facts it
 * rests on.
 */
public record TriggerMatch(Trigger trigger, String caseId, Instant decidedAt, String grounds) {}
