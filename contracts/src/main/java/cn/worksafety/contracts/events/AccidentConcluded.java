package cn.worksafety.contracts.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * Data of {@code enforcement.accident.concluded}: the figures the investigation established, and
 * whether the accident was concealed or falsely reported (瞒报、谎报). Sent again when concealment is
 * found after the conclusion.
 */
public record AccidentConcluded(
    String accidentId,
    String uscc,
    String grade,
    OffsetDateTime occurredAt,
    int deaths,
    int seriousInjuries,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal directLoss,
    boolean concealed,
    OffsetDateTime concludedAt) {}
