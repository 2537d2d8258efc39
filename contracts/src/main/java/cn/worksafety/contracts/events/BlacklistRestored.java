package cn.worksafety.contracts.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Data of {@code credit.blacklist.restored}: a repair found fraudulent; listed again until the original end date. */
public record BlacklistRestored(
    String entryId, String uscc, String reason, LocalDate originalEndDate, OffsetDateTime restoredAt) {}
