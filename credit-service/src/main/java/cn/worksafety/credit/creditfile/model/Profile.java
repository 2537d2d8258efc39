package cn.worksafety.credit.creditfile.model;

/** What credit keeps of an enterprise's registration, from enforcement's events. */
public record Profile(String name, String region, String industry, String standardizationGrade,
    String licenceStatus) {}
