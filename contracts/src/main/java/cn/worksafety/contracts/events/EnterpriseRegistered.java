package cn.worksafety.contracts.events;

/**
 * Data of {@code enforcement.enterprise.registered} and {@code .updated}: the enterprise as it now
 * stands.
 */
public record EnterpriseRegistered(
    String uscc, String name, String region, String industry, String standardizationGrade) {}
