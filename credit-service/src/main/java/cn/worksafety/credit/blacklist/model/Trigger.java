package cn.worksafety.credit.blacklist.model;

/** The eight listing conditions of 应急管理部令第11号 (DOMAIN.md); each needs a penalty decision behind it. */
public enum Trigger {
  MAJOR_ACCIDENT(1, "发生重大、特别重大生产安全事故"),
  REPEATED_MAJOR_ACCIDENTS(2, "12个月内发生2起以上较大生产安全事故"),
  ESPECIALLY_SERIOUS_VIOLATION(3, "发生生产安全事故，情节特别严重、影响特别恶劣，依照安全生产法第一百一十四条处二倍以上五倍以下罚款"),
  ACCIDENT_CONCEALED(4, "瞒报、谎报生产安全事故"),
  PRINCIPAL_FLED(5, "主要负责人不立即组织抢救，或者在事故调查处理期间擅离职守、逃匿"),
  UNLICENSED_OPERATION(6, "未依法取得安全生产许可或者在许可被暂扣、吊销期间从事生产经营活动"),
  QUALIFICATION_FRAUD(7, "安全评价、检测检验机构出租出借资质或者出具虚假报告"),
  REFUSED_EXECUTION(8, "有履行能力而拒不执行行政处罚决定或者停产停业整顿等执法决定");

  private final int number;
  private final String description;

  Trigger(int number, String description) {
    this.number = number;
    this.description = description;
  }

  public int number() {
    return number;
  }

  public String description() {
    return description;
  }
}
