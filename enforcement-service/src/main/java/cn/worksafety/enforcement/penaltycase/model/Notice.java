package cn.worksafety.enforcement.penaltycase.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * 告知: the proposed penalties sent to the party, until when the party may state a defence or ask for a
 * hearing, and the hearing if it asked for one.
 */
public record Notice(List<Penalty> proposedPenalties, boolean defenceWaived, Instant noticedAt,
    LocalDate defenceWindowLastDay, Hearing hearing) {

  Notice withHearing(Hearing changed) {
    return new Notice(proposedPenalties, defenceWaived, noticedAt, defenceWindowLastDay, changed);
  }
}
