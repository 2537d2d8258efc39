package cn.worksafety.credit.blacklist.model;

import java.time.Instant;

/** The party's objection (异议) to the proposed listing, received inside the window. */
public record Objection(Instant receivedAt, String statement) {}
