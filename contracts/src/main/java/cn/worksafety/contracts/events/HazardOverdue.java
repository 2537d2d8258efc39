package cn.worksafety.contracts.events;

import java.time.LocalDate;

/**
 * Data of {@code enforcement.hazard.overdue}: a hazard found in an inspection was not rectified by
 * its deadline. {@code level} is ORDINARY 一般隐患 or MAJOR 重大事故隐患; {@code major} says the same as
 * a flag for consumers that only need that.
 */
public record HazardOverdue(
    String inspectionId,
    String hazardId,
    String uscc,
    String region,
    boolean major,
    String level,
    LocalDate deadline,
    String description) {}
