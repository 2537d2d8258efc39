package cn.worksafety.credit.sanction.application;

import cn.worksafety.contracts.events.BlacklistEntered;
import cn.worksafety.contracts.events.DepartmentMeasures;
import cn.worksafety.credit.blacklist.application.Listings;
import cn.worksafety.credit.blacklist.model.Listing;
import cn.worksafety.credit.blacklist.model.ListingState;
import cn.worksafety.credit.measure.application.MeasureCatalogue;
import cn.worksafety.credit.partner.application.Partners;
import cn.worksafety.credit.partner.model.Partner;
import cn.worksafety.credit.sanction.model.MeasureReport;
import cn.worksafety.credit.sanction.model.SanctionTask;
import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.problem.ProblemKind;
import cn.worksafety.platform.security.Caller;
import cn.worksafety.platform.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Joint sanctions after a listing: one task per registered department whose measures the entry
 * carries, then the department's acknowledgement and feedback, and the entry's removal or restoration
 * opening the next round. Issuing and the entry's changes come from credit's own events, so each is
 * idempotent: a redelivered event finds its task there already, or its change made.
 */
@Service
public class SanctionService {
  private static final Logger log = LoggerFactory.getLogger(SanctionService.class);
  private static final int ATTEMPTS = 5;
  private final SanctionTasks tasks;
  private final Partners partners;
  private final Listings listings;
  private final MeasureCatalogue catalogue;
  private final Clock clock;

  public SanctionService(SanctionTasks tasks, Partners partners, Listings listings, MeasureCatalogue catalogue,
      Clock clock) {
    this.tasks = tasks;
    this.partners = partners;
    this.listings = listings;
    this.catalogue = catalogue;
    this.clock = clock;
  }

  /** One task per department with a measure the entry carries; returns how many were new. */
  public int issue(BlacklistEntered entered, Instant at) {
    Set<String> carried = entered.measures().stream().map(DepartmentMeasures::measureCodes)
        .flatMap(List::stream).collect(Collectors.toSet());
    int issued = issue(entered.entryId(), entered.uscc(), entered.unitName(), carried, at);
    if (issued > 0) {
      // handled after the entry's removal (out of order): the new tasks start where the removal left them
      listings.find(entered.entryId()).filter(l -> l.state() == ListingState.REMOVED && l.removal() != null)
          .ifPresent(l -> entryRemoved(l.id(), l.removal().at()));
    }
    return issued;
  }

  /**
   * For an entry in force, the tasks of departments registered since it was published (and any
   * other missing), with the measures of the catalogue as it stands; those there already stay.
   */
  public int issueMissing(String entryId) {
    Listing listing = listings.find(entryId).orElseThrow(() -> DomainException.notFound("listing", entryId));
    if (listing.state() != ListingState.LISTED) {
      throw new DomainException(ProblemKind.CONFLICT, "entry-not-in-force", "listing " + entryId + " is "
          + listing.state() + "; tasks are issued for an entry in force").with("state", listing.state().name());
    }
    return issue(entryId, listing.uscc(), listing.unitName(), catalogue.measureCodes(), clock.instant());
  }

  public List<SanctionTask> ofEntry(String entryId) {
    return tasks.ofEntry(entryId);
  }

  private int issue(String entryId, String uscc, String unitName, Set<String> carried, Instant at) {
    int issued = 0;
    for (Partner partner : partners.all()) {
      List<String> applicable = partner.measures().stream().filter(carried::contains).toList();
      if (!applicable.isEmpty() && tasks.addIfAbsent(SanctionTask.issue(entryId, uscc, unitName, partner.code(),
          partner.name(), applicable, at))) {
        issued++;
      }
    }
    log.info("entry {}: {} sanction tasks issued", entryId, issued);
    return issued;
  }

  public void entryRemoved(String entryId, Instant at) {
    tasks.ofEntry(entryId).forEach(t -> change(t, task -> task.entryRemoved(at)));
  }

  public void entryRestored(String entryId, Instant at) {
    tasks.ofEntry(entryId).forEach(t -> change(t, task -> task.entryRestored(at)));
  }

  public SanctionTask acknowledge(String id, Caller caller) {
    return change(requireVisible(id, caller), task -> task.acknowledge(caller.subject(), clock.instant()));
  }

  public SanctionTask report(String id, List<MeasureReport> reports, Caller caller) {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    return change(requireVisible(id, caller), task -> task.report(reports, caller.subject(), now, today));
  }

  /** A partner sees its own department's tasks only; to anyone else another's is not there (404). */
  public SanctionTask get(String id, Caller caller) {
    return requireVisible(id, caller);
  }

  /** The tasks {@code caller} may see: a partner its own department's, an administrator all. */
  public List<SanctionTask> visibleTo(Caller caller) {
    List<SanctionTask> all = tasks.all();
    return isAdmin(caller) ? all : all.stream().filter(t -> t.department().equals(caller.department())).toList();
  }

  private SanctionTask requireVisible(String id, Caller caller) {
    return tasks.find(id).filter(t -> isAdmin(caller) || t.department().equals(caller.department()))
        .orElseThrow(() -> DomainException.notFound("sanction task", id));
  }

  private static boolean isAdmin(Caller caller) {
    return caller.roles().contains(Role.CREDIT_ADMIN);
  }

  /**
   * Changes the task as read and saves it at that version; a concurrent change is read again and the
   * step retried.
   */
  private SanctionTask change(SanctionTask read, UnaryOperator<SanctionTask> step) {
    SanctionTask current = read;
    String id = read.id();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      SanctionTask changed = step.apply(current);
      if (changed == current || tasks.save(changed)) {
        return changed;
      }
      current = tasks.find(id).orElseThrow(() -> DomainException.notFound("sanction task", id));
    }
    throw new DomainException(ProblemKind.CONFLICT, "concurrent-change",
        "the task kept changing while this was being saved; read it again and retry").with("id", id);
  }
}
