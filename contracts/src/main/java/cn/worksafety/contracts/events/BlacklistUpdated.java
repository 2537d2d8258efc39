package cn.worksafety.contracts.events;

import java.time.OffsetDateTime;

/** Data of {@code credit.blacklist.updated}. */
public record BlacklistUpdated(String entryId, String uscc, OffsetDateTime updatedAt, BlacklistChanges changes) {}
