package cn.worksafety.credit.publicquery.application;

import cn.worksafety.contracts.Uscc;
import cn.worksafety.credit.blacklist.application.Listings;
import cn.worksafety.credit.blacklist.model.Listing;
import cn.worksafety.credit.blacklist.model.ListingRules;
import cn.worksafety.credit.creditfile.application.CreditFileService;
import cn.worksafety.credit.creditfile.model.CreditFile;
import cn.worksafety.credit.creditfile.model.ListedPeriod;
import cn.worksafety.credit.creditfile.model.Rating;
import cn.worksafety.credit.measure.application.MeasureCatalogue;
import cn.worksafety.credit.measure.model.Department;
import cn.worksafety.credit.publicquery.model.Found;
import cn.worksafety.credit.publicquery.model.Hits;
import cn.worksafety.credit.publicquery.model.IndexStatus;
import cn.worksafety.credit.publicquery.model.NameQuery;
import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.web.PageView;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What anyone may look up: enterprises found by name or code, and one enterprise's standing. A
 * search answers from the name index and reads the page's files in one query; a standing reads the
 * file by its code and, when the file says the enterprise is listed, that entry by its id.
 */
@Service
public class PublicQueryService {
  /** Results past this many are not served: a search that finds more is narrowed, not paged through. */
  public static final int DEEPEST_RESULT = 10_000;
  private final NameIndex index;
  private final NameIndexing indexing;
  private final CreditFileService files;
  private final Listings listings;
  private final ListingRules rules;
  private final MeasureCatalogue measures;
  private final Clock clock;

  public PublicQueryService(NameIndex index, NameIndexing indexing, CreditFileService files, Listings listings,
      ListingRules rules, MeasureCatalogue measures, Clock clock) {
    this.index = index;
    this.indexing = indexing;
    this.files = files;
    this.listings = listings;
    this.rules = rules;
    this.measures = measures;
    this.clock = clock;
  }

  /** An enterprise a search found, rated now; {@code rating} is null while credit has no file for it yet. */
  public record Summary(String uscc, String name, String region, Rating rating) {}

  /** An entry of the list in force, and the first day its repair may be applied for. */
  public record ListedEntry(Listing listing, LocalDate repairEligibleFrom) {}

  /**
   * An enterprise's standing now: its rating and when that took effect, its records still inside
   * their publication period, the list entries in force and, when there are any, the measures every
   * member department applies to them (the catalogue as it now stands).
   */
  public record Standing(CreditFile file, Rating rating, Instant ratedAt, Instant at, List<ListedEntry> listed,
      List<Department> measures) {

    public boolean isListed() {
      return !listed.isEmpty();
    }
  }

  /** The page at {@code offset} of the enterprises whose name contains {@code q} or whose code starts with it. */
  public PageView<Summary> search(String q, int offset, int limit) {
    if (offset + limit > DEEPEST_RESULT) {
      throw DomainException.invalid("page", "only the first " + DEEPEST_RESULT + " results are served; narrow the "
          + "search");
    }
    requireSearchable();
    Hits hits = index.search(NameQuery.of(q), offset, limit);
    Map<String, CreditFile> rated = files.findAll(hits.items().stream().map(Found::uscc).toList());
    Instant now = clock.instant();
    List<Summary> rows = hits.items().stream().map(found -> summary(found, rated.get(found.uscc()), now)).toList();
    return new PageView<>(rows, offset / limit, limit, hits.total());
  }

  /** The first {@code limit} enterprises a search for {@code q} finds, from the index alone. */
  public List<Found> suggestions(String q, int limit) {
    requireSearchable();
    return index.suggest(NameQuery.of(q), limit);
  }

  private Summary summary(Found found, CreditFile file, Instant now) {
    if (file == null) {
      return new Summary(found.uscc(), found.name(), found.region(), null);
    }
    return new Summary(file.uscc(), file.profile().name(), file.profile().region(), files.ratingAt(file, now));
  }

  /**
   * The standing of the enterprise with this code (any case). A code of the wrong length or with
   * characters outside the code's set is refused; one whose check character is wrong is looked up,
   * as historic codes that fail the check are registered.
   */
  public Standing standing(String uscc) {
    String code = uscc.strip().toUpperCase(Locale.ROOT);
    Optional<String> malformed = Uscc.problem(code).filter(p -> !Uscc.failsOnlyTheCheckCharacter(code));
    if (malformed.isPresent()) {
      throw DomainException.invalid("uscc", malformed.get());
    }
    CreditFile file = files.get(code);
    Instant now = clock.instant();
    Rating rating = files.ratingAt(file, now);
    // the rating on file took effect when it was announced, unless records have aged out since
    Instant ratedAt = rating.differsFrom(file.rating()) ? rating.effectiveAt() : file.rating().effectiveAt();
    List<ListedEntry> listed = file.listings().stream().filter(p -> p.covers(now)).map(ListedPeriod::entryId)
        .distinct().map(listings::find).flatMap(Optional::stream).filter(l -> l.listedAt(now))
        .map(l -> new ListedEntry(l, l.repairEligibleFrom(rules))).toList();
    return new Standing(file, rating, ratedAt, now, listed, listed.isEmpty() ? List.of() : measures.departments());
  }

  private void requireSearchable() {
    IndexStatus status = indexing.status();
    if (!status.searchable()) {
      throw new SearchNotReady(status);
    }
  }
}
