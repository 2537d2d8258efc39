package cn.worksafety.credit.blacklist.application;

import cn.worksafety.credit.blacklist.model.ListedPerson;
import cn.worksafety.credit.blacklist.model.Listing;
import cn.worksafety.credit.blacklist.model.ListingRules;
import cn.worksafety.credit.blacklist.model.ListingState;
import cn.worksafety.credit.blacklist.model.Proposal;
import cn.worksafety.credit.blacklist.model.TriggerMatch;
import cn.worksafety.credit.blacklist.model.TriggerRules;
import cn.worksafety.credit.creditfile.application.CreditFileService;
import cn.worksafety.credit.creditfile.model.CreditFile;
import cn.worksafety.credit.creditfile.model.CreditRecord;
import cn.worksafety.credit.creditfile.model.Profile;
import cn.worksafety.credit.creditfile.model.RecordKind;
import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.problem.ProblemKind;
import cn.worksafety.platform.security.Caller;
import cn.worksafety.platform.security.Role;
import cn.worksafety.platform.web.ETags;
import cn.worksafety.platform.web.PageView;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The serious-dishonesty list: proposals found on enforcement facts or made by officers, the
 * procedure, repair and restoration. A proposal's id is derived from its enterprise, trigger and
 * penalty decision, so the same facts seen twice (a redelivered event, an officer proposing what the
 * system already found) never make two.
 */
@Service
public class BlacklistService {
  private static final Logger log = LoggerFactory.getLogger(BlacklistService.class);
  private static final int ATTEMPTS = 10;
  private final Listings listings;
  private final ClosedCases closedCases;
  private final CreditFileService files;
  private final TriggerRules triggers;
  private final ListingRules rules;
  private final Clock clock;

  public BlacklistService(Listings listings, ClosedCases closedCases, CreditFileService files, TriggerRules triggers,
      ListingRules rules, Clock clock) {
    this.listings = listings;
    this.closedCases = closedCases;
    this.files = files;
    this.triggers = triggers;
    this.rules = rules;
    this.clock = clock;
  }

  /** Proposes a listing for every condition the enterprise's credit file now meets and none was proposed for. */
  public void evaluate(CreditFile file) {
    if (file.profile() == null) {
      return;
    }
    for (TriggerMatch match : triggers.evaluate(file.records(), rules.zone())) {
      Proposal proposal = new Proposal(match.trigger(), match.caseId(), match.decidedAt(), match.grounds(),
          triggers.legalBasis(),
          clock.instant(), "system", true);
      Listing proposed = proposed(file, proposal, List.of());
      if (listings.add(proposed)) {
        log.info("proposed listing {} of {} under {} (decision {})", proposed.id(), file.uscc(), match.trigger(),
            match.caseId());
      }
    }
  }

  /** The enterprise's registered name changed: its listings follow, and entries in force announce it. */
  public void enterpriseRenamed(String uscc, String name) {
    for (Listing listing : listings.ofEnterprise(uscc)) {
      apply(listing.id(), current -> current.renamed(name, clock.instant()));
    }
  }

  public void caseClosed(String caseId, Instant at) {
    closedCases.closed(caseId, at);
  }

  /** The decision behind a listing was revoked: running procedures stop, entries in force come off. */
  public void caseRevoked(String caseId, Instant revokedAt, String reason) {
    for (Listing listing : listings.ofCase(caseId)) {
      apply(listing.id(), current -> current.revokeDecision(revokedAt, reason, clock.instant()));
    }
  }

  public Listing propose(Caller officer, ListingCommands.Propose command) {
    CreditFile file = files.find(command.uscc()).filter(f -> f.profile() != null)
        .filter(f -> officer.covers(f.profile().region()))
        .orElseThrow(() -> DomainException.notFound("enterprise", command.uscc()));
    CreditRecord decision = file.records().stream()
        .filter(r -> r.kind() == RecordKind.ADMINISTRATIVE_PENALTY && r.reference().equals(command.caseId())
            && !r.isWithdrawn())
        .findFirst()
        .orElseThrow(() -> new DomainException(ProblemKind.RULE_VIOLATION, "no-penalty-decision",
            "a listing needs a penalty decision in force behind it; credit knows of none with case id "
                + command.caseId() + " for " + command.uscc()));
    Proposal proposal = new Proposal(command.trigger(), decision.reference(), decision.occurredAt(),
        command.grounds().strip(),
        triggers.legalBasis(), clock.instant(), officer.subject(), false);
    Listing proposed = proposed(file, proposal, command.persons());
    if (!listings.add(proposed)) {
      throw new DomainException(ProblemKind.CONFLICT, "already-proposed",
          "a listing of " + command.uscc() + " under " + command.trigger() + " for decision " + command.caseId()
              + " was already proposed").with("listing", "/api/credit/blacklist/" + proposed.id());
    }
    return proposed;
  }

  public Listing notifyParty(Caller officer, String id, String ifMatch, ListingCommands.Notify command) {
    return change(officer, id, ifMatch, l -> new Listing.Changed(l.notifyParty(orNow(command.servedAt()),
        command.persons(), officer.subject(), clock.instant(), rules), Optional.empty()));
  }

  public Listing recordObjection(Caller officer, String id, String ifMatch, ListingCommands.RecordObjection command) {
    return change(officer, id, ifMatch, l -> new Listing.Changed(l.object(orNow(command.receivedAt()),
        command.statement(), officer.subject(), clock.instant(), rules), Optional.empty()));
  }

  /** Only a supervisor of the deciding authority decides (谁处罚、谁决定). */
  public Listing decide(Caller supervisor, String id, String ifMatch, ListingCommands.Decide command) {
    if (!supervisor.has(Role.SUPERVISOR)) {
      throw new DomainException(ProblemKind.FORBIDDEN, "supervisor-only",
          "a listing is decided by a supervisor (负责人) of the deciding authority");
    }
    return change(supervisor, id, ifMatch, l -> new Listing.Changed(l.decide(command.list(), command.reason(),
        command.objectionReview(), command.decidingAuthority(), orNow(command.decidedAt()), supervisor.subject(),
        clock.instant(), rules), Optional.empty()));
  }

  public Listing publish(Caller officer, String id, String ifMatch) {
    return change(officer, id, ifMatch, l -> l.publish(officer.subject(), clock.instant(), rules));
  }

  public Listing applyForRepair(Caller caller, String id, String ifMatch, ListingCommands.ApplyForRepair command) {
    return change(caller, id, ifMatch, l -> new Listing.Changed(l.applyForRepair(command.correction(),
        command.commitment(), command.training(), caller.subject(), clock.instant(), rules), Optional.empty()));
  }

  public Listing approveRepair(Caller reviewer, String id, String repairId, String ifMatch, String reason) {
    return change(reviewer, id, ifMatch, l -> l.approveRepair(repairId, closedCases.isClosed(l.proposal().caseId()),
        reason.strip(), reviewer.subject(), clock.instant()));
  }

  public Listing rejectRepair(Caller reviewer, String id, String repairId, String ifMatch, String reason) {
    return change(reviewer, id, ifMatch, l -> new Listing.Changed(l.rejectRepair(repairId, reason,
        reviewer.subject(), clock.instant()), Optional.empty()));
  }

  public Listing restore(Caller admin, String id, String ifMatch, String reason) {
    return change(admin, id, ifMatch, l -> l.restore(reason, admin.subject(), clock.instant(), rules));
  }

  public Listing get(Caller caller, String id) {
    return listings.find(id).filter(l -> visibleTo(caller, l))
        .orElseThrow(() -> DomainException.notFound("listing", id));
  }

  /** The entries in force at {@code at} the caller may see, optionally of one enterprise, newest first. */
  public PageView<Listing> listedAt(Caller caller, Instant at, String uscc, int offset, int limit) {
    List<Listing> found = new ArrayList<>();
    if (uscc != null) {
      listings.ofEnterprise(uscc).stream().filter(l -> l.listedAt(at) && visibleTo(caller, l)).forEach(found::add);
    } else {
      listings.forEach(l -> {
        if (l.listedAt(at) && visibleTo(caller, l)) {
          found.add(l);
        }
      });
    }
    found.sort(Comparator.comparing((Listing l) -> l.decision().startDate()).reversed()
        .thenComparing(Listing::id));
    return PageView.slice(found, offset, limit);
  }

  /** The listings still in procedure or decided, in the caller's region, optionally in one state. */
  public PageView<Listing> procedures(Caller caller, ListingState state, int offset, int limit) {
    List<Listing> found = new ArrayList<>();
    listings.forEach(l -> {
      if ((state == null || l.state() == state) && visibleTo(caller, l)) {
        found.add(l);
      }
    });
    found.sort(Comparator.comparing((Listing l) -> l.proposal().proposedAt()).reversed());
    return PageView.slice(found, offset, limit);
  }

  public ListingRules rules() {
    return rules;
  }

  /**
   * Officers and supervisors see their region's listings; administrators and partner departments
   * see the whole list (partners only what is or was published). Outside that, a listing does not
   * exist for the caller.
   */
  private boolean visibleTo(Caller caller, Listing listing) {
    if (caller.has(Role.CREDIT_ADMIN)) {
      return true;
    }
    if (caller.has(Role.OFFICER) || caller.has(Role.SUPERVISOR)) {
      return caller.covers(listing.region());
    }
    return caller.has(Role.PARTNER) && !listing.periods().isEmpty();
  }

  private Listing proposed(CreditFile file, Proposal proposal, List<ListedPerson> persons) {
    Profile profile = file.profile();
    List<ListedPerson> named = new ArrayList<>();
    if (profile.principal() != null) {
      named.add(new ListedPerson(profile.principal().name(), ListedPerson.PRINCIPAL,
          profile.principal().maskedIdNumber()));
    }
    persons.stream().filter(p -> !named.contains(p)).forEach(named::add);
    return Listing.propose(listingId(file.uscc(), proposal), file.uscc(), profile.name(), profile.region(), named,
        proposal);
  }

  static String listingId(String uscc, Proposal proposal) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest((uscc + "|" + proposal.trigger() + "|"
          + proposal.caseId()).getBytes(StandardCharsets.UTF_8));
      return "BL-" + HexFormat.of().formatHex(digest, 0, 6).toUpperCase();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Instant orNow(Instant given) {
    return given == null ? clock.instant() : given;
  }

  private Listing change(Caller caller, String id, String ifMatch, Function<Listing, Listing.Changed> step) {
    Listing current = get(caller, id);
    ETags.check(ifMatch, current.version());
    Listing.Changed changed = step.apply(current);
    if (!listings.save(changed.listing(), changed.event())) {
      throw ETags.lostUpdate("listing", ifMatch);
    }
    return changed.listing();
  }

  /** A change the system makes (an event, a job): retried from a fresh read when it loses to another write. */
  Listing apply(String id, Function<Listing, Listing.Changed> step) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Listing current = listings.find(id).orElseThrow(() -> DomainException.notFound("listing", id));
      Listing.Changed changed = step.apply(current);
      if (changed.listing() == current || listings.save(changed.listing(), changed.event())) {
        return changed.listing();
      }
    }
    throw new IllegalStateException("listing " + id + " kept changing under " + ATTEMPTS + " attempts");
  }
}
