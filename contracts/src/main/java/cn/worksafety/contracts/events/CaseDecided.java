package cn.worksafety.contracts.events;

import java.time.OffsetDateTime;
import java.util.List;

/** Data of {@code enforcement.case.decided}. */
public record CaseDecided(
    String caseId,
    String uscc,
    String region,
    List<String> violationCodes,
    List<Penalty> penalties,
    OffsetDateTime decidedAt,
    String legalBasis) {}
