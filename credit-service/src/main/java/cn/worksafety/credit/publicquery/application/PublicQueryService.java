package cn.worksafety.credit.publicquery.application;

import cn.worksafety.credit.creditfile.application.CreditFileService;
import cn.worksafety.credit.creditfile.model.CreditFile;
import cn.worksafety.credit.creditfile.model.Rating;
import cn.worksafety.credit.publicquery.model.Found;
import cn.worksafety.credit.publicquery.model.Hits;
import cn.worksafety.credit.publicquery.model.NameQuery;
import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.web.PageView;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * What anyone may look up by name or code: a search answers from the name index and reads the
 * page's files in one query, to rate them now.
 */
@Service
public class PublicQueryService {
  /** Results past this many are not served: a search that finds more is narrowed, not paged through. */
  public static final int DEEPEST_RESULT = 10_000;
  private final NameIndex index;
  private final NameIndexing indexing;
  private final CreditFileService files;
  private final Clock clock;

  public PublicQueryService(NameIndex index, NameIndexing indexing, CreditFileService files, Clock clock) {
    this.index = index;
    this.indexing = indexing;
    this.files = files;
    this.clock = clock;
  }

  /** An enterprise a search found, rated now; {@code rating} is null while credit has no file for it yet. */
  public record Summary(String uscc, String name, String region, Rating rating) {}

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

  private void requireSearchable() {
    if (!indexing.status().searchable()) {
      throw new SearchNotReady(indexing.status());
    }
  }
}
