package cn.worksafety.enforcement.inspection.application;

import cn.worksafety.enforcement.inspection.model.HazardStatus;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What a list of inspections is narrowed to; every part optional.
 *
 * @param inspectedFrom inspected at or after this instant
 * @param inspectedBefore inspected before this instant
 * @param hazardStatus only inspections with at least one hazard in this status on {@code today}
 */
public record InspectionQuery(String uscc, Instant inspectedFrom, Instant inspectedBefore, HazardStatus hazardStatus,
    LocalDate today) {}
