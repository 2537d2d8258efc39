package cn.worksafety.contracts.events;

import java.time.OffsetDateTime;

/**
 * Data of {@code credit.blacklist.removed}: publication stops and measures are lifted. {@code reason}
 * is EXPIRED (the 3-year term ended), REPAIRED (credit repair approved) or REVOKED (the penalty
 * decision behind it was revoked).
 */
public record BlacklistRemoved(String entryId, String uscc, String reason, OffsetDateTime effectiveAt) {}
