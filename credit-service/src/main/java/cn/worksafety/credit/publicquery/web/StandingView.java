package cn.worksafety.credit.publicquery.web;

import cn.worksafety.credit.blacklist.model.ListedPerson;
import cn.worksafety.credit.blacklist.model.Listing;
import cn.worksafety.credit.creditfile.model.CreditFile;
import cn.worksafety.credit.creditfile.web.RecordView;
import cn.worksafety.credit.measure.model.Department;
import cn.worksafety.credit.publicquery.application.PublicQueryService;
import cn.worksafety.credit.publicquery.model.ScoreBand;
import cn.worksafety.platform.privacy.IdNumbers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * An enterprise's standing as the public sees it: its grade and score band now (never the score, see
 * {@link ScoreBand}), its records still inside their publication period, and whether it stands on
 * the serious-dishonesty list now, with each entry's term, publication and repair-eligible date, the
 * persons it names (ID numbers masked) and the measures the member departments apply.
 */
public record StandingView(String uscc, String name, String region, String industry, String grade,
    String scoreBand, OffsetDateTime ratedAt, List<RecordView> records, ListStatusView listStatus) {

  /**
   * @param listed whether the enterprise stands on the list now
   * @param entries the entries in force (usually one; none when not listed)
   * @param measures the joint-sanction measures of every member department while it is listed
   */
  public record ListStatusView(boolean listed, List<EntryView> entries, List<DepartmentView> measures) {}

  /**
   * @param reason the listing condition met (列入事由)
   * @param startDate the first day of the 3-year term (the day of the decision)
   * @param endDate the last day of the term, when the entry expires by itself
   * @param publishedAt when the entry was published (公示) and came into force
   * @param repairEligibleFrom the first day credit repair (信用修复) may be applied for
   */
  public record EntryView(String entryId, String unitName, String reason, String legalBasis,
      String decidingAuthority, LocalDate startDate, LocalDate endDate, OffsetDateTime publishedAt,
      LocalDate repairEligibleFrom, List<PersonView> persons) {}

  public record PersonView(String name, String role, String maskedIdNumber) {}

  public record DepartmentView(String department, String name, List<MeasureView> measures) {}

  public record MeasureView(String code, String description) {}

  static StandingView of(PublicQueryService.Standing s, ZoneId zone) {
    CreditFile f = s.file();
    List<RecordView> records = f.records().stream().filter(r -> r.activeAt(s.at(), zone))
        .map(r -> RecordView.of(r, s.at(), zone)).toList();
    ListStatusView listStatus = new ListStatusView(s.isListed(),
        s.listed().stream().map(e -> entry(e.listing(), e.repairEligibleFrom(), zone)).toList(),
        s.measures().stream().map(StandingView::department).toList());
    return new StandingView(f.uscc(), f.profile().name(), f.profile().region(), f.profile().industry(),
        s.rating().grade().name(), ScoreBand.of(s.rating().score()), at(s.ratedAt(), zone), records, listStatus);
  }

  private static EntryView entry(Listing l, LocalDate repairEligibleFrom, ZoneId zone) {
    return new EntryView(l.id(), l.unitName(), l.proposal().trigger().description(), l.proposal().legalBasis(),
        l.decision().decidingAuthority(), l.decision().startDate(), l.decision().endDate(),
        at(l.publication().publishedAt(), zone), repairEligibleFrom,
        l.persons().stream().map(StandingView::person).toList());
  }

  private static PersonView person(ListedPerson p) {
    // kept masked already; masked again here so that nothing shown could ever carry a full number
    return new PersonView(p.name(), p.role(), IdNumbers.mask(p.maskedIdNumber()));
  }

  private static DepartmentView department(Department d) {
    return new DepartmentView(d.code(), d.name(), d.measures().stream()
        .map(m -> new MeasureView(m.code(), m.description())).toList());
  }

  private static OffsetDateTime at(Instant instant, ZoneId zone) {
    return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
  }
}
