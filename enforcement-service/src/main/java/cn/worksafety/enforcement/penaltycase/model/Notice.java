package cn.worksafety.enforcement.penaltycase.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** 告知: the proposed penalties sent to the party, and until when the party may answer. */
public record Notice(List<Penalty> proposedPenalties, boolean defenceWaived, Instant noticedAt,
    LocalDate defenceWindowLastDay) {}
