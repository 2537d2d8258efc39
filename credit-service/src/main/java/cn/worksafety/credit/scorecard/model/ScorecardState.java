package cn.worksafety.credit.scorecard.model;

/**
 * Where a scorecard version is in its life: drafted, in force, or replaced. Only a draft can be
 * activated; a retired version stays readable, since ratings name the version that made them.
 */
public enum ScorecardState {
  DRAFT,
  ACTIVE,
  RETIRED
}
