package cn.worksafety.credit.blacklist.application;

import cn.worksafety.credit.blacklist.model.Listing;
import cn.worksafety.credit.blacklist.model.ListingEvent;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Where listings are kept, each with the events it still has to announce. */
public interface Listings {

  /** Stores a new proposal; false when one with its id exists (the same trigger and decision). */
  boolean add(Listing proposed);

  /** Stores the change if the stored listing is still one version behind; false when it is not. */
  boolean save(Listing changed, Optional<ListingEvent> event);

  Optional<Listing> find(String id);

  /** The listings whose penalty decision is {@code caseId}. */
  List<Listing> ofCase(String caseId);

  /** The listings of one enterprise, oldest first. */
  List<Listing> ofEnterprise(String uscc);

  /** Every listing, one at a time. */
  void forEach(Consumer<Listing> action);
}
