package cn.worksafety.enforcement.enterprise.model;

import java.time.Instant;

/**
 * A credit administrator's recorded decision to register a historic code that fails the GB 32100
 * check: why, who, when.
 */
public record CheckOverride(String reason, String by, Instant at) {}
