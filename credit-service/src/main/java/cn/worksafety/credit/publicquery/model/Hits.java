package cn.worksafety.credit.publicquery.model;

import java.util.List;

/** One page of what a search found, best first, and how many it found in all. */
public record Hits(List<Found> items, long total) {

  public Hits {
    items = List.copyOf(items);
  }
}
