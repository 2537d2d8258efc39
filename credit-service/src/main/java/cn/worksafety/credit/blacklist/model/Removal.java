package cn.worksafety.credit.blacklist.model;

import java.time.Instant;

/** The entry's latest removal from the list. */
public record Removal(RemovalReason reason, Instant at, String note) {}
