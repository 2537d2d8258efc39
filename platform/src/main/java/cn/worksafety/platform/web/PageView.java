package cn.worksafety.platform.web;

import java.util.List;
import java.util.function.Function;

/** The paged list shape of CONTRACT.md: {@code items}, {@code page}, {@code size}, {@code total}. */
public record PageView<T>(List<T> items, int page, int size, long total) {

  public <R> PageView<R> map(Function<T, R> mapper) {
    return new PageView<>(items.stream().map(mapper).toList(), page, size, total);
  }
}
