package cn.worksafety.enforcement.inspection.model;

import java.time.LocalDate;

/** A hazard as an officer reports it: what, how serious, and by when it must be rectified. */
public record HazardFinding(String description, HazardLevel level, LocalDate deadline) {}
