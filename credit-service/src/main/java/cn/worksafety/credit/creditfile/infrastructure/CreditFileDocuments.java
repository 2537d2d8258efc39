package cn.worksafety.credit.creditfile.infrastructure;

import cn.worksafety.credit.creditfile.model.CreditFile;
import cn.worksafety.credit.creditfile.model.CreditRecord;
import cn.worksafety.credit.creditfile.model.Grade;
import cn.worksafety.credit.creditfile.model.ListedPeriod;
import cn.worksafety.credit.creditfile.model.Profile;
import cn.worksafety.credit.creditfile.model.Rating;
import cn.worksafety.credit.creditfile.model.RatingLine;
import cn.worksafety.credit.creditfile.model.RatingPeriod;
import cn.worksafety.credit.creditfile.model.RegisteredName;
import cn.worksafety.credit.creditfile.model.Withdrawal;
import cn.worksafety.credit.creditfile.model.RecordKind;
import cn.worksafety.credit.creditfile.model.Severity;
import com.mongodb.client.model.Projections;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Maps credit files to and from their stored form. Public so that the re-rating benchmark (bench/)
 * seeds files exactly as the service keeps them.
 */
public final class CreditFileDocuments {
  private CreditFileDocuments() {}

  public static Document toDocument(CreditFile f) {
    Document d = new Document("_id", f.uscc()).append("profileSequence", f.profileSequence())
        .append("records", f.records().stream().map(CreditFileDocuments::record).toList())
        .append("listings", f.listings().stream().map(CreditFileDocuments::listing).toList())
        .append("rating", f.rating() == null ? null : rating(f.rating()))
        .append("history", f.history().stream().map(CreditFileDocuments::period).toList())
        .append("version", f.version());
    Profile p = f.profile();
    if (p != null) {
      d.append("name", p.name()).append("region", p.region()).append("industry", p.industry())
          .append("standardizationGrade", p.standardizationGrade()).append("licenceStatus", p.licenceStatus())
          .append("principal", p.principal() == null ? null : new Document("name", p.principal().name())
              .append("maskedIdNumber", p.principal().maskedIdNumber()));
    }
    return d;
  }

  /** The fields {@link #registeredName} reads. */
  static final Bson REGISTERED_NAME = Projections.include("name", "region", "profileSequence");

  /** The enterprise's name and region as its file keeps them; empty before it is registered. */
  static Optional<RegisteredName> registeredName(Document d) {
    return d.getString("name") == null ? Optional.empty() : Optional.of(new RegisteredName(d.getString("_id"),
        d.getString("name"), d.getString("region"), number(d, "profileSequence")));
  }

  static CreditFile fromDocument(Document d) {
    Profile profile = d.getString("name") == null ? null : new Profile(d.getString("name"), d.getString("region"),
        d.getString("industry"), d.getString("standardizationGrade"), d.getString("licenceStatus"),
        principal(d.get("principal", Document.class)));
    Document rating = d.get("rating", Document.class);
    return new CreditFile(d.getString("_id"), profile, number(d, "profileSequence"),
        d.getList("records", Document.class, List.of()).stream().map(CreditFileDocuments::record).toList(),
        d.getList("listings", Document.class, List.of()).stream().map(CreditFileDocuments::listing).toList(),
        rating == null ? null : rating(rating),
        d.getList("history", Document.class, List.of()).stream().map(CreditFileDocuments::period).toList(),
        number(d, "version"));
  }

  private static Document record(CreditRecord r) {
    return new Document("id", r.id()).append("kind", r.kind().name()).append("severity", r.severity().name())
        .append("reference", r.reference()).append("summary", r.summary())
        .append("occurredAt", Date.from(r.occurredAt())).append("publishedUntil", r.publishedUntil().toString())
        .append("recordedAt", Date.from(r.recordedAt()))
        .append("withdrawal", r.withdrawal() == null ? null : new Document("at", Date.from(r.withdrawal().at()))
            .append("eventId", r.withdrawal().eventId()).append("reason", r.withdrawal().reason()))
        .append("codes", r.codes());
  }

  private static Document listing(ListedPeriod p) {
    return new Document("entryId", p.entryId()).append("from", Date.from(p.from()))
        .append("fromEventId", p.fromEventId()).append("until", p.until() == null ? null : Date.from(p.until()))
        .append("untilEventId", p.untilEventId());
  }

  private static ListedPeriod listing(Document d) {
    Date until = d.getDate("until");
    return new ListedPeriod(d.getString("entryId"), d.getDate("from").toInstant(), d.getString("fromEventId"),
        until == null ? null : until.toInstant(), d.getString("untilEventId"));
  }

  private static Profile.Principal principal(Document d) {
    return d == null ? null : new Profile.Principal(d.getString("name"), d.getString("maskedIdNumber"));
  }

  private static CreditRecord record(Document d) {
    return new CreditRecord(d.getString("id"), RecordKind.valueOf(d.getString("kind")),
        Severity.valueOf(d.getString("severity")), d.getString("reference"), d.getString("summary"),
        d.getDate("occurredAt").toInstant(), LocalDate.parse(d.getString("publishedUntil")),
        // files stored before records kept when credit learned of them: it learned as they occurred
        d.get("recordedAt", d.getDate("occurredAt")).toInstant(), withdrawal(d.get("withdrawal", Document.class)),
        d.getList("codes", String.class, List.of()));
  }

  private static Withdrawal withdrawal(Document d) {
    return d == null ? null : new Withdrawal(d.getDate("at").toInstant(), d.getString("eventId"), d.getString("reason"));
  }

  private static Document period(RatingPeriod p) {
    return new Document("grade", p.grade().name()).append("score", p.score())
        .append("scorecardVersion", p.scorecardVersion()).append("from", Date.from(p.from())).append("cause", p.cause());
  }

  private static RatingPeriod period(Document d) {
    return new RatingPeriod(Grade.valueOf(d.getString("grade")), d.getInteger("score"),
        d.getString("scorecardVersion"), d.getDate("from").toInstant(), d.getString("cause"));
  }

  private static Document rating(Rating r) {
    return new Document("grade", r.grade().name()).append("score", r.score()).append("base", r.base())
        .append("lines", r.lines().stream().map(l -> new Document("recordId", l.recordId()).append("rule", l.rule())
            .append("points", l.points())).toList())
        .append("scorecardVersion", r.scorecardVersion()).append("effectiveAt", Date.from(r.effectiveAt()));
  }

  private static Rating rating(Document d) {
    return new Rating(Grade.valueOf(d.getString("grade")), d.getInteger("score"), d.getInteger("base"),
        d.getList("lines", Document.class).stream().map(l -> new RatingLine(l.getString("recordId"),
            l.getString("rule"), l.getInteger("points"))).toList(),
        d.getString("scorecardVersion"), d.getDate("effectiveAt").toInstant());
  }

  private static long number(Document d, String field) {
    Object value = d.get(field);
    return value == null ? 0 : ((Number) value).longValue();
  }
}
