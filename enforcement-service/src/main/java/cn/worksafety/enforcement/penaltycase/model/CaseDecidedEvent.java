package cn.worksafety.enforcement.penaltycase.model;

import java.time.Instant;
import java.util.List;

/** A penalty decision was made. */
public record CaseDecidedEvent(String caseId, String uscc, String region, List<String> violationCodes,
    List<Penalty> penalties, Instant decidedAt, String legalBasis) implements CaseEvent {}
