package cn.worksafety.deploy;

import cn.worksafety.contracts.Uscc;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic demo data: the same seed gives the same enterprises and cases, so a demo on one
 * machine looks like the demo on another. Each method starts from the seed, so the order of calls
 * does not matter.
 */
public final class DemoDataGenerator {

  public static final long DEFAULT_SEED = 20231001L;

  public record Region(String code, String city) {}

  public static final List<Region> REGIONS = List.of(new Region("440300", "深圳市"), new Region("510100", "成都市"));

  /** The industries that may operate only with a 安全生产许可证, as enforcement-service's {@code Industry} says. */
  static final java.util.Set<String> LICENSED_INDUSTRIES = java.util.Set.of("MINING", "HAZARDOUS_CHEMICALS", "FIREWORKS",
      "CONSTRUCTION");

  public record Enterprise(String uscc, String name, String region, String industry, String standardizationGrade) {
    /** An industry that needs a safety-production licence gets a valid one: credit records a missing one. */
    Map<String, Object> body() {
      Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("uscc", uscc, "name", name, "region", region,
          "industry", industry, "standardizationGrade", standardizationGrade));
      if (LICENSED_INDUSTRIES.contains(industry)) {
        body.put("licence", Map.of("status", "VALID", "number", "安许证字[2025]" + uscc.substring(10, 16) + "号",
            "validUntil", "2028-12-31"));
      }
      return body;
    }
  }

  /** How far a demo case is taken through its lifecycle. */
  public enum Stage { FILED, INVESTIGATING, NOTIFIED, DECIDED, APPROVED }

  /** {@code amount} for FINE and CONFISCATION, {@code periodDays} for SUSPENSION; null otherwise. */
  public record Penalty(String kind, String amount, Integer periodDays) {
    static Penalty warning() {
      return new Penalty("WARNING", null, null);
    }

    static Penalty fine(int yuan) {
      return new Penalty("FINE", yuan + ".00", null);
    }

    static Penalty confiscation(int yuan) {
      return new Penalty("CONFISCATION", yuan + ".00", null);
    }

    static Penalty suspension(int days) {
      return new Penalty("SUSPENSION", null, days);
    }

    Map<String, Object> body() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("kind", kind);
      if (amount != null) {
        body.put("amount", amount);
      }
      if (periodDays != null) {
        body.put("periodDays", periodDays);
      }
      return body;
    }
  }

  public record Violation(String code, String title, String legalBasis, Set<String> penaltyKinds, long fineMin,
      long fineMax) {

    /** Whether a decision citing only this violation may impose {@code penalties}. */
    boolean allows(List<Penalty> penalties) {
      long fine = penalties.stream().filter(p -> p.kind().equals("FINE"))
          .mapToLong(p -> (long) Double.parseDouble(p.amount())).sum();
      return penalties.stream().allMatch(p -> penaltyKinds.contains(p.kind()))
          && (fine == 0 || (fine >= fineMin && fine <= fineMax));
    }
  }

  public record Case(Enterprise enterprise, Violation violation, Stage stage, List<Penalty> penalties) {}

  /** Industry codes of the enforcement service, with the word a company name would carry. */
  private static final Map<String, String> INDUSTRIES = orderedMap(
      "MINING", "矿业",
      "HAZARDOUS_CHEMICALS", "化工",
      "FIREWORKS", "烟花爆竹",
      "METALLURGY", "钢铁",
      "NONFERROUS", "有色金属",
      "BUILDING_MATERIALS", "建材",
      "MACHINERY", "机械制造",
      "LIGHT_INDUSTRY", "轻工制品",
      "TEXTILE", "纺织",
      "TRADE", "商贸",
      "CONSTRUCTION", "建设工程",
      "TRANSPORT", "物流运输",
      "OTHER", "实业");

  private static final String[] TRADE_NAME_FIRST =
      "华 鑫 恒 宏 金 瑞 中 永 海 天 博 新 安 顺 兴 嘉 泰 盛 隆 昌 富 佳 同 长".split(" ");
  private static final String[] TRADE_NAME_SECOND =
      "安 达 泰 远 鹏 丰 成 源 信 力 通 宇 晟 和 德 发 利 辉 越 航 诚 创".split(" ");

  /** A few entries of enforcement-service's violation catalogue, with what each allows. */
  private static final List<Violation> VIOLATIONS = List.of(
      new Violation("AQWF-45-1", "违反操作规程或者安全管理规定作业",
          "《安全生产违法行为行政处罚办法》第四十五条第一项", Set.of("WARNING", "FINE"), 10_000, 30_000),
      new Violation("AQSC-097-3", "未按规定对从业人员进行安全生产教育和培训",
          "《中华人民共和国安全生产法》第九十七条第三项", Set.of("FINE", "SUSPENSION"), 0, 200_000),
      new Violation("AQSC-099-3", "未对安全设备进行经常性维护、保养和定期检测",
          "《中华人民共和国安全生产法》第九十九条第三项", Set.of("FINE", "SUSPENSION"), 0, 200_000),
      new Violation("AQSC-101-2", "未对重大危险源登记建档并进行定期检测、评估、监控",
          "《中华人民共和国安全生产法》第一百零一条第二项", Set.of("FINE", "SUSPENSION"), 0, 200_000),
      new Violation("AQSC-102", "未采取措施消除事故隐患",
          "《中华人民共和国安全生产法》第一百零二条", Set.of("FINE", "SUSPENSION"), 0, 50_000),
      new Violation("AQSC-098-1", "未按照规定对危险物品建设项目进行安全评价",
          "《中华人民共和国安全生产法》第九十八条第一项", Set.of("FINE", "SUSPENSION"), 100_000, 500_000),
      new Violation("AQXK-19", "未取得安全生产许可证擅自进行生产",
          "《安全生产许可证条例》第十九条", Set.of("FINE", "CONFISCATION", "SUSPENSION"), 100_000, 500_000),
      new Violation("AQSC-114-1", "对发生一般生产安全事故负有责任",
          "《中华人民共和国安全生产法》第一百一十四条第一款第一项", Set.of("FINE"), 200_000, 1_000_000));

  private static final String ORG_CODE_CHARSET = Uscc.CHARSET;

  private final long seed;

  public DemoDataGenerator() {
    this(DEFAULT_SEED);
  }

  public DemoDataGenerator(long seed) {
    this.seed = seed;
  }

  /** {@code count} enterprises, alternating between the regions, with unique codes and names. */
  public List<Enterprise> enterprises(int count) {
    Random random = new Random(seed);
    List<String> industries = List.copyOf(INDUSTRIES.keySet());
    Set<String> usccs = new HashSet<>();
    Set<String> names = new HashSet<>();
    List<Enterprise> result = new ArrayList<>(count);
    while (result.size() < count) {
      Region region = REGIONS.get(result.size() % REGIONS.size());
      String uscc = uscc(region.code(), random);
      String industry = industries.get(random.nextInt(industries.size()));
      String name = region.city() + tradeName(random) + INDUSTRIES.get(industry) + legalForm(random);
      if (usccs.add(uscc) && names.add(name)) {
        result.add(new Enterprise(uscc, name, region.code(), industry, standardizationGrade(random)));
      }
    }
    return List.copyOf(result);
  }

  /**
   * 60 cases on distinct enterprises: 15 filed, 15 investigating, 10 notified, 20 decided with
   * warnings, fines of several sizes and two suspensions, so the ratings come out different.
   */
  public List<Case> cases(List<Enterprise> enterprises) {
    Random random = new Random(seed + 1);
    List<Enterprise> targets = new ArrayList<>(enterprises);
    Collections.shuffle(targets, random);
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      Stage stage = i < 15 ? Stage.FILED : i < 30 ? Stage.INVESTIGATING : i < 40 ? Stage.NOTIFIED
          : i < 45 ? Stage.DECIDED : Stage.APPROVED;
      List<Penalty> penalties = switch (stage) {
        case FILED, INVESTIGATING -> List.of();
        case NOTIFIED -> List.of(Penalty.fine(5_000 * (1 + random.nextInt(10))));
        case DECIDED, APPROVED -> decidedPenalties(i - 40);
      };
      List<Penalty> cited = stage == Stage.FILED || stage == Stage.INVESTIGATING ? List.of(Penalty.fine(10_000))
          : penalties;
      List<Violation> fitting = VIOLATIONS.stream().filter(v -> v.allows(cited)).toList();
      Violation violation = fitting.get(random.nextInt(fitting.size()));
      cases.add(new Case(targets.get(i), violation, stage, penalties));
    }
    return List.copyOf(cases);
  }

  private static List<Penalty> decidedPenalties(int k) {
    int[] fines = {5_000, 10_000, 20_000, 30_000, 50_000, 80_000, 100_000, 200_000, 300_000, 500_000};
    if (k < 5) {
      return List.of(Penalty.warning());
    }
    if (k < 15) {
      return List.of(Penalty.fine(fines[k - 5]));
    }
    return switch (k) {
      case 15 -> List.of(Penalty.warning(), Penalty.fine(10_000));
      case 16 -> List.of(Penalty.fine(150_000), Penalty.confiscation(120_000));
      case 17 -> List.of(Penalty.fine(200_000), Penalty.suspension(30));
      case 18 -> List.of(Penalty.fine(100_000), Penalty.suspension(60));
      default -> List.of(Penalty.fine(1_000_000));
    };
  }

  private static String uscc(String region, Random random) {
    StringBuilder code = new StringBuilder("91").append(region);
    for (int i = 0; i < 9; i++) {
      code.append(ORG_CODE_CHARSET.charAt(random.nextInt(ORG_CODE_CHARSET.length())));
    }
    return code.append(Uscc.checkCharacter(code.toString())).toString();
  }

  private static String tradeName(Random random) {
    String first = TRADE_NAME_FIRST[random.nextInt(TRADE_NAME_FIRST.length)];
    String second;
    do {
      second = TRADE_NAME_SECOND[random.nextInt(TRADE_NAME_SECOND.length)];
    } while (second.equals(first));
    return first + second;
  }

  private static String legalForm(Random random) {
    int roll = random.nextInt(10);
    return roll < 8 ? "有限公司" : roll < 9 ? "股份有限公司" : "有限责任公司";
  }

  private static String standardizationGrade(Random random) {
    int roll = random.nextInt(20);
    return roll < 8 ? "NONE" : roll < 15 ? "LEVEL_3" : roll < 19 ? "LEVEL_2" : "LEVEL_1";
  }

  private static Map<String, String> orderedMap(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }
}
