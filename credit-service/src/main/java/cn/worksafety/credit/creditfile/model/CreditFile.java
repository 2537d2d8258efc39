package cn.worksafety.credit.creditfile.model;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything credit knows of one enterprise: its profile, its records and its current rating. One
 * document, so an event's effect, the proof it was handled (its record id) and the rating change it
 * causes are stored in one write.
 *
 * @param profileSequence the enforcement event sequence the profile was taken from, so an older
 *     update arriving late does not overwrite a newer one
 */
public record CreditFile(String uscc, Profile profile, long profileSequence, List<CreditRecord> records,
    Rating rating, long version) {

  /** A file for an enterprise credit has not heard of yet; version 0 means "not stored". */
  public static CreditFile open(String uscc) {
    return new CreditFile(uscc, null, 0, List.of(), null, 0);
  }

  /**
   * The rating as of {@code at}. The stored rating is the one last announced; records age out of
   * their publication period without any event, so what is shown is always worked out afresh.
   */
  public Rating ratingAt(Scorecard scorecard, Instant at, ZoneId zone) {
    return scorecard.rate(records, at, zone);
  }

  public boolean hasRecord(String id) {
    return records.stream().anyMatch(r -> r.id().equals(id));
  }

  /** The file with this record, re-rated; unchanged (and no event) when the record is already on file. */
  public Change addRecord(CreditRecord record, Scorecard scorecard, Instant now, ZoneId zone) {
    if (hasRecord(record.id())) {
      return new Change(this, Optional.empty());
    }
    List<CreditRecord> more = new ArrayList<>(records);
    more.add(record);
    return rerated(profile, profileSequence, List.copyOf(more), scorecard, now, zone);
  }

  /** The file with a newer profile; the first profile also gives the enterprise its first rating. */
  public Change updateProfile(Profile newer, long sequence, Scorecard scorecard, Instant now, ZoneId zone) {
    if (sequence <= profileSequence) {
      return new Change(this, Optional.empty());
    }
    return rerated(newer, sequence, records, scorecard, now, zone);
  }

  private Change rerated(Profile p, long sequence, List<CreditRecord> recs, Scorecard scorecard, Instant now,
      ZoneId zone) {
    Rating next = scorecard.rate(recs, now, zone);
    boolean changed = next.differsFrom(rating);
    CreditFile file = new CreditFile(uscc, p, sequence, recs, changed ? next : rating, version + 1);
    return new Change(file, changed ? Optional.of(new RatingChangedEvent(uscc, rating, next)) : Optional.empty());
  }

  /** A file as it now stands, and the rating change to announce, if any. */
  public record Change(CreditFile file, Optional<RatingChangedEvent> ratingChanged) {
    public boolean isNoOp(CreditFile before) {
      return file == before;
    }
  }
}
