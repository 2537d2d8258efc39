package cn.worksafety.platform.web;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** {@code ?page=&size=}: page 0–10,000, size 1–100 (default 20). Bind it with {@code @Valid} on a query object. */
public record PageRequest(
    @Parameter(description = "page number from 0 (at most 10,000); default 0", example = "0")
    @Min(0) @Max(MAX_PAGE) Integer page,
    @Parameter(description = "records per page, 1 to 100; default 20", example = "20")
    @Min(1) @Max(100) Integer size) {
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
