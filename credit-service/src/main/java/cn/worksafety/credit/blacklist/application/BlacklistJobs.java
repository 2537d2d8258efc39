package cn.worksafety.credit.blacklist.application;

import cn.worksafety.credit.blacklist.model.Listing;
import cn.worksafety.credit.blacklist.model.ListingRules;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The list's time-driven work: entries whose term has ended come off, and deadline reminders are
 * given. Both are idempotent by construction (an expired entry is no longer LISTED; a reminder is
 * given once per kind), so running them twice, or on two replicas at once, changes nothing more.
 */
@Service
public class BlacklistJobs {
  private static final Logger log = LoggerFactory.getLogger(BlacklistJobs.class);
  private final Listings listings;
  private final BlacklistService service;
  private final ListingRules rules;
  private final Clock clock;

  public BlacklistJobs(Listings listings, BlacklistService service, ListingRules rules, Clock clock) {
    this.listings = listings;
    this.service = service;
    this.rules = rules;
    this.clock = clock;
  }

  /** Takes every entry whose term ended before {@code now} off the list; returns how many. */
  public int expire(Instant now) {
    List<String> due = new ArrayList<>();
    listings.forEach(l -> {
      if (l.expireIfDue(now, rules).event().isPresent()) {
        due.add(l.id());
      }
    });
    due.forEach(id -> service.apply(id, l -> l.expireIfDue(now, rules)));
    if (!due.isEmpty()) {
      log.info("{} list entries expired: {}", due.size(), due);
    }
    return due.size();
  }

  /** Gives the deadline reminders due at {@code now}; returns how many listings got one. */
  public int remind(Instant now) {
    List<String> due = new ArrayList<>();
    listings.forEach(l -> {
      if (l.remind(now, rules) != l) {
        due.add(l.id());
      }
    });
    for (String id : due) {
      Listing reminded = service.apply(id, l -> new Listing.Changed(l.remind(now, rules), Optional.empty()));
      log.warn("listing {} of {} ({}): reminders {}", id, reminded.uscc(), reminded.state(), reminded.reminders());
    }
    return due.size();
  }

  public void runAll() {
    Instant now = clock.instant();
    expire(now);
    remind(now);
  }
}
