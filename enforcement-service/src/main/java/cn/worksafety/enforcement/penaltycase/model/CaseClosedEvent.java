package cn.worksafety.enforcement.penaltycase.model;

import java.time.Instant;

/** A case was closed after its decision was carried out. */
public record CaseClosedEvent(String caseId, String uscc, Instant closedAt, String reason) implements CaseEvent {}
