package cn.worksafety.credit.publicquery.web;

import cn.worksafety.credit.publicquery.application.PublicQueryService;
import cn.worksafety.credit.publicquery.model.ScoreBand;

/**
 * An enterprise in the public search results: its grade and score band now, null both while credit
 * has not rated it yet (its registration reached the index before its credit file).
 */
public record SummaryView(String uscc, String name, String region, String grade, String scoreBand) {

  static SummaryView of(PublicQueryService.Summary s) {
    return new SummaryView(s.uscc(), s.name(), s.region(), s.rating() == null ? null : s.rating().grade().name(),
        s.rating() == null ? null : ScoreBand.of(s.rating().score()));
  }
}
