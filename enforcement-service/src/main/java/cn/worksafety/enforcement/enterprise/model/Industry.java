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
  OTHER
}
