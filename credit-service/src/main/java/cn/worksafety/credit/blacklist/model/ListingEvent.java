package cn.worksafety.credit.blacklist.model;

import java.time.Instant;
import java.time.LocalDate;

/** What a listing change announces to partner departments (and to credit's own rating). */
public sealed interface ListingEvent {

  /** Published: in force from now until the end of the term. */
  record Entered(Instant at) implements ListingEvent {}

  record Removed(RemovalReason reason, Instant effectiveAt) implements ListingEvent {}

  /** The unit's registered name changed while the entry is in force. */
  record Renamed(String unitName, Instant at) implements ListingEvent {}

  record Restored(String reason, LocalDate originalEndDate, Instant restoredAt) implements ListingEvent {}
}
