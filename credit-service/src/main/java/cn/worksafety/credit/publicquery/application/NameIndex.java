package cn.worksafety.credit.publicquery.application;

import cn.worksafety.credit.creditfile.model.RegisteredName;
import cn.worksafety.credit.publicquery.model.Found;
import cn.worksafety.credit.publicquery.model.Hits;
import cn.worksafety.credit.publicquery.model.NameQuery;
import java.util.List;

/**
 * Where registered enterprises are found by a part of their name or the start of their code: an
 * index of this replica's own, kept off the heap, that the store could not give.
 */
public interface NameIndex {

  /**
   * Puts these in place of what the index holds for their codes. Searchable shortly after {@link
   * #openForSearch()}, not before.
   */
  void put(List<RegisteredName> names);

  /** Makes everything put so far searchable now, and what is put later shortly after. */
  void openForSearch();

  /**
   * The page at {@code offset} of the enterprises that answer {@code query}, best first (see the
   * implementation for the order), with how many answer it in all.
   */
  Hits search(NameQuery query, int offset, int limit);

  /** The first {@code limit} enterprises that answer {@code query}, in the same order, without counting. */
  List<Found> suggest(NameQuery query, int limit);

  /** How many enterprises the index holds (as last made searchable). */
  long size();
}
