package cn.worksafety.enforcement.enterprise.model;

/** 安全生产标准化 grade: level 1 is the highest; NONE when the enterprise holds no certificate. */
public enum StandardizationGrade {
  NONE,
  LEVEL_1,
  LEVEL_2,
  LEVEL_3
}
