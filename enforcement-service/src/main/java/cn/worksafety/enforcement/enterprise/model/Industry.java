package cn.worksafety.enforcement.enterprise.model;

/** The fixed industry catalogue used for supervision (行业分类). */
public enum Industry {
  MINING,
  HAZARDOUS_CHEMICALS,
  FIREWORKS,
  METALLURGY,
  NONFERROUS,
  BUILDING_MATERIALS,
  MACHINERY,
  LIGHT_INDUSTRY,
  TEXTILE,
  TRADE,
  CONSTRUCTION,
  TRANSPORT,
  OTHER;

  /** The industries that may operate only with a 安全生产许可证 (《安全生产许可证条例》第二条). */
  public boolean requiresLicence() {
    return this == MINING || this == HAZARDOUS_CHEMICALS || this == FIREWORKS || this == CONSTRUCTION;
  }
}
