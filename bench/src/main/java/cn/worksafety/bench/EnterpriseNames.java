package cn.worksafety.bench;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Enterprise names as registered in Guangdong (a city, a two-character trade name, the line of
 * business, the legal form), deterministic per enterprise number: a million of them share trade
 * names and words the way real registers do, so a name search meets realistic posting lists.
 */
final class EnterpriseNames {
  private static final Map<String, String> CITIES = Map.of("440103", "广州市", "440106", "广州市",
      "440304", "深圳市", "440305", "深圳市", "440306", "深圳市", "440604", "佛山市", "441302", "惠州市",
      "441900", "东莞市", "442000", "中山市", "445102", "潮州市");
  private static final String TRADE_CHARACTERS =
      "安泰华源鑫达恒通宏远盛昌永隆金诚瑞丰嘉禾新创立信中天汇海东升德润广福兴旺博雅天成富康佳美";
  private static final Map<String, String[]> BUSINESS = Map.of(
      "MINING", new String[] {"矿业", "采矿", "石料开采"},
      "HAZARDOUS_CHEMICALS", new String[] {"化工", "危险化学品经营", "石油化工"},
      "FIREWORKS", new String[] {"烟花爆竹", "花炮"},
      "METALLURGY", new String[] {"冶金", "铸造", "钢铁"},
      "BUILDING_MATERIALS", new String[] {"建材", "水泥", "陶瓷"},
      "MACHINERY", new String[] {"机械制造", "精密机械", "五金制品"},
      "LIGHT_INDUSTRY", new String[] {"塑料制品", "家具", "纸业"},
      "TEXTILES", new String[] {"纺织", "服装", "印染"},
      "TRADE", new String[] {"贸易", "商贸", "物流"});
  private static final String[] FORMS = {"有限公司", "有限公司", "有限公司", "股份有限公司", "有限责任公司"};

  private EnterpriseNames() {}

  /** The two-character trade name of enterprise {@code i} (1,600 possible). */
  static String tradeName(int i) {
    SplittableRandom random = new SplittableRandom(0x7A4E_0000L + i);
    int n = TRADE_CHARACTERS.length();
    return "" + TRADE_CHARACTERS.charAt(random.nextInt(n)) + TRADE_CHARACTERS.charAt(random.nextInt(n));
  }

  static String of(int i, String region, String industry) {
    SplittableRandom random = new SplittableRandom(0x4E4D_0000L + i);
    String[] business = BUSINESS.getOrDefault(industry, new String[] {"实业"});
    return CITIES.getOrDefault(region, "广东省") + tradeName(i) + business[random.nextInt(business.length)]
        + FORMS[random.nextInt(FORMS.length)];
  }

  /** What a member of the public types looking for enterprise {@code i}: its trade name, with its city or a line of business. */
  static String query(SplittableRandom random, int i, String region) {
    return switch (random.nextInt(3)) {
      case 0 -> tradeName(i);
      case 1 -> CITIES.getOrDefault(region, "广东省") + tradeName(i);
      default -> {
        String[] business = BUSINESS.values().stream().skip(random.nextInt(BUSINESS.size())).findFirst().orElseThrow();
        yield tradeName(i) + business[random.nextInt(business.length)];
      }
    };
  }
}
