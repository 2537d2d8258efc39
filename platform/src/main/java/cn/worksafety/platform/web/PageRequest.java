package cn.worksafety.platform.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** {@code ?page=&size=}: page 0–10,000, size 1–100 (default 20). Bind it with {@code @Valid} on a query object. */
public record PageRequest(@Min(0) @Max(MAX_PAGE) Integer page, @Min(1) @Max(100) Integer size) {
  /** Deep paging is what exports are for; this keeps every offset a small, valid number. */
  public static final int MAX_PAGE = 10_000;

  public int pageOrDefault() {
    return page == null ? 0 : page;
  }

  public int sizeOrDefault() {
    return size == null ? 20 : size;
  }

  public int offset() {
    return pageOrDefault() * sizeOrDefault();
  }
}
