package cn.worksafety.enforcement.penaltycase.model;

import cn.worksafety.platform.time.WorkingDayCalendar;
import java.math.BigDecimal;
import java.time.ZoneId;

/**
 * The configurable numbers of the penalty procedure.
 *
 * @param defenceWindowWorkingDays how long the party has to state a defence or ask for a hearing
 *     after notice (行政处罚法 Art. 64: 5 working days)
 * @param decisionDeadlineDays days from filing by which a decision is due (Art. 60: 90)
 * @param zone the zone days are counted in
 * @param collectiveReviewFineFrom the fine from which a decision needs collective review by the
 *     department's leadership (集体讨论, Art. 57), as do suspensions, licence measures and closure
 * @param deadlineWarningDays how many days before the decision deadline a case is flagged as due soon
 * @param violations the catalogue a decision cites from and must stay inside
 * @param publicationWorkingDays a decision in force is made public within this many working days
 *     (双公示, Art. 48: 7)
 * @param withdrawalWorkingDays a revoked decision is withdrawn from publication within this many
 *     working days (Art. 48: 3)
 */
public record CaseRules(int defenceWindowWorkingDays, int decisionDeadlineDays, WorkingDayCalendar calendar,
    ZoneId zone, BigDecimal collectiveReviewFineFrom, int deadlineWarningDays, ViolationCatalogue violations,
    int publicationWorkingDays, int withdrawalWorkingDays) {}
