package cn.worksafety.enforcement.penaltycase.model;

import java.time.Instant;

/** A decision was revoked (reconsideration or court); it no longer counts. */
public record CaseRevokedEvent(String caseId, String uscc, Instant revokedAt, String reason) implements CaseEvent {}
