package cn.worksafety.enforcement.enterprise.model;

/**
 * The details an officer records and keeps up to date. In a change, a null field means "unchanged".
 */
public record Details(String name, Industry industry, StandardizationGrade standardizationGrade, Licence licence,
    Person legalRepresentative, Person principal) {}
