package cn.worksafety.platform.web;

import java.util.List;
import java.util.function.Function;

/** The paged list shape of CONTRACT.md: {@code items}, {@code page}, {@code size}, {@code total}. */
public record PageView<T>(List<T> items, int page, int size, long total) {

  /** The page at {@code offset} of a list already filtered and sorted in memory. */
  public static <T> PageView<T> slice(List<T> all, int offset, int limit) {
    int from = Math.min(offset, all.size());
    int to = Math.min(from + limit, all.size());
    return new PageView<>(List.copyOf(all.subList(from, to)), limit == 0 ? 0 : offset / limit, limit, all.size());
  }

  public <R> PageView<R> map(Function<T, R> mapper) {
    return new PageView<>(items.stream().map(mapper).toList(), page, size, total);
  }
}
