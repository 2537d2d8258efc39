package cn.worksafety.credit.blacklist.model;

import java.time.Instant;

/** When the entry was published and so came into force; {@code late} when past its publication deadline. */
public record Publication(Instant publishedAt, String by, boolean late) {}
