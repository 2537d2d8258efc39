package cn.worksafety.enforcement.penaltycase.model;

import java.time.Instant;
import java.util.List;

/** 决定: what was decided, on what legal basis, when. */
public record Decision(List<String> violationCodes, List<Penalty> penalties, String legalBasis, Instant decidedAt) {}
