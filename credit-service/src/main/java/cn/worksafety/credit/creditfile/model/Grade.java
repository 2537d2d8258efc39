package cn.worksafety.credit.creditfile.model;

/** Safety-credit grades; the grade sets how often an enterprise is drawn for random inspection. */
public enum Grade {
  A,
  B,
  C,
  D
}
