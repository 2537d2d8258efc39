package cn.worksafety.enforcement.inspection.model;

/** Hazard levels of 安全生产事故隐患排查治理暂行规定 Art. 3. */
public enum HazardLevel {
  /** 一般事故隐患: little harm and hard to cause an accident; rectified at once by the enterprise. */
  ORDINARY,
  /** 重大事故隐患: great harm or hard to rectify; may need suspension of production to rectify. */
  MAJOR
}
