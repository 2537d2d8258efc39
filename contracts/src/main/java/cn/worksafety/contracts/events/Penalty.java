package cn.worksafety.contracts.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * One penalty of a decision (行政处罚法 Art. 9). {@code amount} is CNY as a decimal string, for
 * fines and confiscations; {@code periodDays} for suspensions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Penalty(
    String kind, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, Integer periodDays) {}
