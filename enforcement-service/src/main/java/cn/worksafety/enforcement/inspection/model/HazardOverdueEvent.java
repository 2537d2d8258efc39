package cn.worksafety.enforcement.inspection.model;

import java.time.Instant;

/** A hazard of this inspection was still not rectified after its deadline; announced once per hazard. */
public record HazardOverdueEvent(Inspection inspection, Hazard hazard, Instant at) {}
