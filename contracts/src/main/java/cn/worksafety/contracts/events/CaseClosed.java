package cn.worksafety.contracts.events;

import java.time.OffsetDateTime;

/** Data of {@code enforcement.case.closed}: the decision was carried out and the case closed (结案). */
public record CaseClosed(String caseId, String uscc, OffsetDateTime closedAt, String reason) {}
