package cn.worksafety.contracts.events;

/**
 * Data of {@code enforcement.enterprise.registered} and {@code .updated}: the enterprise as it now
 * stands. The persons' ID numbers are masked; nothing on the bus carries a full one.
 */
public record EnterpriseRegistered(
    String uscc, String name, String region, String industry, String standardizationGrade, String licenceStatus,
    NamedPerson legalRepresentative, NamedPerson principal) {}
