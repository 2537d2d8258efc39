package cn.worksafety.credit.creditfile.model;

/** What kind of fact a credit record is; more kinds come with accidents, hazards and licences. */
public enum RecordKind {
  ADMINISTRATIVE_PENALTY
}
