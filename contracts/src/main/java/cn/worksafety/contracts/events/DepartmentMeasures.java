package cn.worksafety.contracts.events;

import java.util.List;

/** The joint-sanction measures one partner department applies, by their codes in the measure catalogue. */
public record DepartmentMeasures(String department, List<String> measureCodes) {}
