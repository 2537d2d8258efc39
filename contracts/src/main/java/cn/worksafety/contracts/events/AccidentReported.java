package cn.worksafety.contracts.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * Data of {@code enforcement.accident.reported}: the figures as first reported. {@code grade} is one
 * of ORDINARY 一般, MAJOR 较大, SERIOUS 重大, ESPECIALLY_SERIOUS 特别重大, the worst of the three
 * measures.
 */
public record AccidentReported(
    String accidentId,
    String uscc,
    String grade,
    OffsetDateTime occurredAt,
    int deaths,
    int seriousInjuries,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal directLoss,
    boolean concealed) {}
