package cn.worksafety.credit.blacklist.infrastructure;

import cn.worksafety.contracts.EventType;
import cn.worksafety.contracts.events.BlacklistChanges;
import cn.worksafety.contracts.events.BlacklistEntered;
import cn.worksafety.contracts.events.BlacklistRemoved;
import cn.worksafety.contracts.events.BlacklistRestored;
import cn.worksafety.contracts.events.BlacklistUpdated;
import cn.worksafety.contracts.events.DepartmentMeasures;
import cn.worksafety.contracts.events.ListedPerson;
import cn.worksafety.credit.blacklist.model.Listing;
import cn.worksafety.credit.blacklist.model.ListingEvent;
import cn.worksafety.credit.measure.application.MeasureCatalogue;
import cn.worksafety.credit.measure.model.Department;
import cn.worksafety.platform.outbox.Outbox;
import cn.worksafety.platform.outbox.OutboxEntry;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;

/**
 * Turns a listing change into the {@code credit.blacklist.*} event of CONTRACT.md. A new entry
 * carries every department's measures from the catalogue as it stands at publication; persons carry
 * only masked ID numbers, as they are kept.
 */
@Component
public class ListingAnnouncements {
  private final Outbox outbox;
  private final MeasureCatalogue measures;
  private final Clock clock;

  public ListingAnnouncements(Outbox outbox, MeasureCatalogue measures, Clock clock) {
    this.outbox = outbox;
    this.measures = measures;
    this.clock = clock;
  }

  OutboxEntry entry(Listing l, ListingEvent event) {
    if (event instanceof ListingEvent.Entered) {
      return outbox.entry(EventType.BLACKLIST_ENTERED, l.uscc(), new BlacklistEntered(l.id(), l.uscc(), l.unitName(),
          l.persons().stream().map(p -> new ListedPerson(p.name(), p.role(), p.maskedIdNumber())).toList(),
          l.proposal().trigger().name(), l.proposal().legalBasis(), l.decision().decidingAuthority(),
          l.decision().startDate(), l.decision().endDate(),
          measures.departments().stream().map(ListingAnnouncements::measuresOf).toList()));
    }
    if (event instanceof ListingEvent.Removed removed) {
      return outbox.entry(EventType.BLACKLIST_REMOVED, l.uscc(),
          new BlacklistRemoved(l.id(), l.uscc(), removed.reason().name(), local(removed.effectiveAt())));
    }
    if (event instanceof ListingEvent.Renamed renamed) {
      return outbox.entry(EventType.BLACKLIST_UPDATED, l.uscc(), new BlacklistUpdated(l.id(), l.uscc(),
          local(renamed.at()), new BlacklistChanges(renamed.unitName(), null, null, null, null, null)));
    }
    ListingEvent.Restored restored = (ListingEvent.Restored) event;
    return outbox.entry(EventType.BLACKLIST_RESTORED, l.uscc(), new BlacklistRestored(l.id(), l.uscc(),
        restored.reason(), restored.originalEndDate(), local(restored.restoredAt())));
  }

  private static DepartmentMeasures measuresOf(Department d) {
    return new DepartmentMeasures(d.code(), d.measures().stream().map(Department.Measure::code).toList());
  }

  private OffsetDateTime local(Instant at) {
    return at.atZone(clock.getZone()).toOffsetDateTime();
  }
}
