package cn.worksafety.credit.screening.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The list entries in force, indexed for screening: by USCC, and by the character pairs of their
 * normalized names, so a name is compared only with the entries it shares a pair with.
 */
public final class ListScreen {
  /** Equal names without an equal code: almost certain, but two units may share a name in different places. */
  public static final double NAME_EQUAL_SCORE = 0.95;
  private final Map<String, List<ListedUnit>> byUscc = new HashMap<>();
  private final Map<String, List<Named>> byPair = new HashMap<>();

  private record Named(ListedUnit unit, String name, Set<String> pairs) {}

  public ListScreen(Collection<ListedUnit> inForce) {
    for (ListedUnit unit : inForce) {
      byUscc.computeIfAbsent(unit.uscc(), k -> new ArrayList<>()).add(unit);
      String name = UnitNames.normalized(unit.unitName());
      Named named = new Named(unit, name, UnitNames.bigrams(name));
      named.pairs().forEach(p -> byPair.computeIfAbsent(p, k -> new ArrayList<>()).add(named));
    }
  }

  /** The entries that answer {@code query} with a score of at least {@code threshold}, surest first. */
  public List<Match> matches(ScreeningQuery query, double threshold) {
    Map<String, Match> best = new LinkedHashMap<>();
    if (query.uscc() != null && !query.uscc().isBlank()) {
      String uscc = query.uscc().strip().toUpperCase(Locale.ROOT);
      for (ListedUnit unit : byUscc.getOrDefault(uscc, List.of())) {
        best.put(unit.entryId(), new Match(unit, 1.0, "USCC", "统一社会信用代码相同: " + uscc));
      }
    }
    String name = UnitNames.normalized(query.name());
    Set<String> pairs = UnitNames.bigrams(name);
    Set<Named> candidates = new LinkedHashSet<>();
    pairs.forEach(p -> candidates.addAll(byPair.getOrDefault(p, List.of())));
    for (Named entry : candidates) {
      Match match = compare(entry, name, pairs);
      if (match.score() >= threshold) {
        best.merge(entry.unit().entryId(), match, (a, b) -> a.score() >= b.score() ? a : b);
      }
    }
    List<Match> found = new ArrayList<>(best.values());
    found.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(m -> m.entry().entryId()));
    return found;
  }

  private static Match compare(Named entry, String name, Set<String> pairs) {
    if (entry.name().equals(name)) {
      return new Match(entry.unit(), NAME_EQUAL_SCORE, "NAME_EQUAL", "名称规范化后相同: " + name);
    }
    double score = Math.round(UnitNames.similarity(pairs, entry.pairs()) * 1000) / 1000.0;
    return new Match(entry.unit(), score, "NAME_SIMILAR",
        "名称相近 (字符对重合度 " + score + "): " + name + " ~ " + entry.name());
  }
}
