package cn.worksafety.enforcement.accident.model;

/** REPORTED until the investigation establishes the figures; CONCLUDED after. */
public enum AccidentState {
  REPORTED,
  CONCLUDED
}
