package cn.worksafety.credit.creditfile.model;

import java.time.Instant;

/**
 * Why and from when a record stopped counting: its case was revoked, or the investigation's figures
 * replaced an accident's first report. Keyed by the event that caused it, so it is applied once.
 */
public record Withdrawal(Instant at, String eventId, String reason) {}
