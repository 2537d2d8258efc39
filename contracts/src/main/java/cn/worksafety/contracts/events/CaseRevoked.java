package cn.worksafety.contracts.events;

import java.time.OffsetDateTime;

/** Data of {@code enforcement.case.revoked}: the decision was revoked (撤销) and no longer counts. */
public record CaseRevoked(String caseId, String uscc, OffsetDateTime revokedAt, String reason) {}
