package cn.worksafety.enforcement.enterprise.model;

import java.time.Instant;

/** An enterprise came under supervision. */
public record EnterpriseRegisteredEvent(
    String uscc, String name, String region, Industry industry, StandardizationGrade standardizationGrade,
    Instant registeredAt) {}
