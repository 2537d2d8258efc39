package cn.worksafety.credit.screening.application;

import cn.worksafety.credit.blacklist.application.Listings;
import cn.worksafety.credit.screening.model.ListScreen;
import cn.worksafety.credit.screening.model.ListedUnit;
import cn.worksafety.credit.screening.model.Match;
import cn.worksafety.credit.screening.model.ScreeningQuery;
import cn.worksafety.platform.problem.DomainException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/** Checks a batch of identifiers and names against the entries on the list at one moment. */
@Service
public class ScreeningService {
  private final Listings listings;

  public ScreeningService(Listings listings) {
    this.listings = listings;
  }

  /** Per query, in the order given, the entries in force at {@code at} that answer it. */
  public List<List<Match>> screen(List<ScreeningQuery> queries, double threshold, Instant at) {
    for (int i = 0; i < queries.size(); i++) {
      ScreeningQuery q = queries.get(i);
      if (isBlank(q.uscc()) && isBlank(q.name())) {
        throw DomainException.invalid("queries[" + i + "]", "needs a uscc or a name");
      }
    }
    List<ListedUnit> inForce = new ArrayList<>();
    listings.forEach(l -> {
      if (l.listedAt(at)) {
        inForce.add(new ListedUnit(l.id(), l.uscc(), l.unitName(), l.decision().startDate(), l.decision().endDate()));
      }
    });
    ListScreen screen = new ListScreen(inForce);
    return queries.stream().map(q -> screen.matches(q, threshold)).toList();
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
