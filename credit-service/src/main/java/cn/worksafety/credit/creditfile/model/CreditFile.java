package cn.worksafety.credit.creditfile.model;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Everything credit knows of one enterprise: its profile, its records, its current rating and the
 * history of its ratings. One document, so an event's effect, the proof it was handled (its record
 * or withdrawal id) and the rating change it causes are stored in one write.
 *
 * @param profileSequence the enforcement event sequence the profile was taken from, so an older
 *     update arriving late does not overwrite a newer one
 * @param listings when the enterprise stood on the serious-dishonesty list, which makes it D
 * @param rating the rating last announced
 * @param history every rating announced, oldest first
 */
public record CreditFile(String uscc, Profile profile, long profileSequence, List<CreditRecord> records,
    List<ListedPeriod> listings, Rating rating, List<RatingPeriod> history, long version) {

  /** A file for an enterprise credit has not heard of yet; version 0 means "not stored". */
  public static CreditFile open(String uscc) {
    return new CreditFile(uscc, null, 0, List.of(), List.of(), null, List.of(), 0);
  }

  /**
   * The rating as of {@code at}, worked out afresh from the records credit knew of then: records age
   * out of their publication period without any event.
   */
  public Rating ratingAt(Scorecard scorecard, Instant at, ZoneId zone) {
    return rate(scorecard, records, listings, profile, at, zone);
  }

  /**
   * The file re-rated at {@code now}: records age out of their publication period or into a lower
   * ageing step without any event, and another scorecard may rate the same records differently.
   * Unchanged (nothing to store, nothing to announce) while grade and score stay as announced, so
   * re-rating a file again changes nothing.
   */
  public Change rerate(Scorecard scorecard, Instant now, ZoneId zone, String cause) {
    if (profile == null) {
      return new Change(this, Optional.empty());
    }
    Rating next = rate(scorecard, records, listings, profile, now, zone);
    if (!next.differsFrom(rating)) {
      return new Change(this, Optional.empty());
    }
    return changed(profile, profileSequence, records, listings, next, cause);
  }

  public boolean listedAt(Instant at) {
    return listings.stream().anyMatch(p -> p.covers(at));
  }

  /** The file with the enterprise on the list under {@code entryId} from {@code at} (entered or restored). */
  public Change listed(String entryId, Instant at, String eventId, Scorecard scorecard, Instant now, ZoneId zone) {
    if (listings.stream().anyMatch(p -> p.fromEventId().equals(eventId))) {
      return new Change(this, Optional.empty());
    }
    List<ListedPeriod> longer = new ArrayList<>(listings);
    longer.add(new ListedPeriod(entryId, at, eventId, null, null));
    return rerated(profile, profileSequence, records, List.copyOf(longer), eventId, scorecard, now, zone);
  }

  /** The file with the enterprise off the list under {@code entryId} from {@code at}; unchanged if it was not on. */
  public Change delisted(String entryId, Instant at, String eventId, Scorecard scorecard, Instant now, ZoneId zone) {
    List<ListedPeriod> changed = new ArrayList<>();
    boolean closed = false;
    for (ListedPeriod p : listings) {
      boolean closes = !closed && p.entryId().equals(entryId) && p.isOpen();
      changed.add(closes ? p.closed(at, eventId) : p);
      closed |= closes;
    }
    if (!closed) {
      return new Change(this, Optional.empty());
    }
    return rerated(profile, profileSequence, records, List.copyOf(changed), eventId, scorecard, now, zone);
  }

  /** Whether an event has already had its effect on this file. */
  public boolean handled(String eventId) {
    return records.stream().anyMatch(r -> r.id().equals(eventId)
        || r.isWithdrawn() && r.withdrawal().eventId().equals(eventId));
  }

  /** The file with this record, re-rated; unchanged (and no event) when the record is already on file. */
  public Change addRecord(CreditRecord record, Scorecard scorecard, Instant now, ZoneId zone) {
    return addRecords(List.of(record), record.id(), scorecard, now, zone);
  }

  /** The file with these records (all caused by one event), re-rated; unchanged if that event was handled. */
  public Change addRecords(List<CreditRecord> added, String eventId, Scorecard scorecard, Instant now, ZoneId zone) {
    if (handled(eventId) || added.isEmpty()) {
      return new Change(this, Optional.empty());
    }
    List<CreditRecord> more = new ArrayList<>(records);
    more.addAll(added);
    return rerated(profile, profileSequence, List.copyOf(more), listings, eventId, scorecard, now, zone);
  }

  /**
   * The file with every record that {@code which} selects and that still counts withdrawn for {@code
   * why}, plus any records the same event adds, re-rated; unchanged if that event was handled.
   */
  public Change withdraw(Predicate<CreditRecord> which, Withdrawal why, List<CreditRecord> replacements,
      Scorecard scorecard, Instant now, ZoneId zone) {
    if (handled(why.eventId())) {
      return new Change(this, Optional.empty());
    }
    List<CreditRecord> changed = new ArrayList<>();
    for (CreditRecord r : records) {
      changed.add(!r.isWithdrawn() && which.test(r) ? r.withdrawn(why) : r);
    }
    changed.addAll(replacements);
    if (changed.equals(records)) {
      return new Change(this, Optional.empty());
    }
    return rerated(profile, profileSequence, List.copyOf(changed), listings, why.eventId(), scorecard, now, zone);
  }

  /**
   * The file with a newer profile; the first profile also gives the enterprise its first rating. A
   * licence newly suspended, revoked or found missing goes on file as a record of this event.
   */
  public Change updateProfile(Profile newer, long sequence, String eventId, Scorecard scorecard, Instant now,
      ZoneId zone) {
    if (sequence <= profileSequence) {
      return new Change(this, Optional.empty());
    }
    List<CreditRecord> recs = records;
    String before = profile == null ? null : profile.licenceStatus();
    if (!Objects.equals(before, newer.licenceStatus()) && !handled(eventId)) {
      Optional<RecordKind> kind = RecordKind.forLicenceStatus(newer.licenceStatus());
      if (kind.isPresent()) {
        List<CreditRecord> more = new ArrayList<>(records);
        more.add(CreditRecord.of(eventId, kind.get(), kind.get().severity(), uscc,
            "许可证状态: " + newer.licenceStatus(), now, now, zone));
        recs = List.copyOf(more);
      }
    }
    return rerated(newer, sequence, recs, listings, eventId, scorecard, now, zone);
  }

  private Change rerated(Profile p, long sequence, List<CreditRecord> recs, List<ListedPeriod> listed, String cause,
      Scorecard scorecard, Instant now, ZoneId zone) {
    CreditFile kept = new CreditFile(uscc, p, sequence, recs, listed, rating, history, version + 1);
    if (p == null) {
      // Facts about an enterprise not registered yet are kept; it is rated once its profile arrives.
      return new Change(kept, Optional.empty());
    }
    Rating next = rate(scorecard, recs, listed, p, now, zone);
    if (!next.differsFrom(rating)) {
      return new Change(kept, Optional.empty());
    }
    return changed(p, sequence, recs, listed, next, cause);
  }

  /** The one place a file is rated, so whether the enterprise is listed reaches every rating alike. */
  private static Rating rate(Scorecard scorecard, List<CreditRecord> recs, List<ListedPeriod> listed, Profile p,
      Instant at, ZoneId zone) {
    return scorecard.rate(recs, p, listed.stream().anyMatch(period -> period.covers(at)), at, zone);
  }

  private Change changed(Profile p, long sequence, List<CreditRecord> recs, List<ListedPeriod> listed, Rating next,
      String cause) {
    List<RatingPeriod> longer = new ArrayList<>(history);
    longer.add(RatingPeriod.of(next, cause));
    CreditFile file = new CreditFile(uscc, p, sequence, recs, listed, next, List.copyOf(longer), version + 1);
    return new Change(file, Optional.of(new RatingChangedEvent(uscc, rating, next)));
  }

  /** A file as it now stands, and the rating change to announce, if any. */
  public record Change(CreditFile file, Optional<RatingChangedEvent> ratingChanged) {
    public boolean isNoOp(CreditFile before) {
      return file == before;
    }
  }
}
