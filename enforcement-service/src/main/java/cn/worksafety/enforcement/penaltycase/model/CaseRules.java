package cn.worksafety.enforcement.penaltycase.model;

import java.time.ZoneId;

/**
 * The configurable numbers of the penalty procedure.
 *
 * @param defenceWindowWorkingDays how long the party has to state a defence or ask for a hearing
 *     after notice (行政处罚法 Art. 64: 5 working days)
 * @param decisionDeadlineDays days from filing by which a decision is due (Art. 60: 90)
 * @param zone the zone days are counted in
 */
public record CaseRules(int defenceWindowWorkingDays, int decisionDeadlineDays, WorkingDayCalendar calendar,
    ZoneId zone) {}
