package cn.worksafety.credit.blacklist.model;

import java.time.Instant;

/**
 * Why a listing was proposed: the condition met, the penalty decision behind it (and when it was
 * made), the facts in words, and whether the system found it on an event or an officer proposed it.
 */
public record Proposal(Trigger trigger, String caseId, Instant caseDecidedAt, String grounds, String legalBasis,
    Instant proposedAt, String proposedBy, boolean automatic) {}
