package cn.worksafety.bench;

import cn.worksafety.credit.creditfile.infrastructure.CreditFileDocuments;
import cn.worksafety.credit.creditfile.model.CreditFile;
import cn.worksafety.credit.creditfile.model.CreditRecord;
import cn.worksafety.credit.creditfile.model.PenaltyFact;
import cn.worksafety.credit.creditfile.model.PenaltySeverity;
import cn.worksafety.credit.creditfile.model.Profile;
import cn.worksafety.credit.creditfile.model.RecordKind;
import cn.worksafety.credit.creditfile.model.Scorecard;
import cn.worksafety.credit.creditfile.model.Severity;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills {@code credit_files} with enterprises whose files look like those the service builds from
 * events: a registration, then records of every kind spread over the last four years, each rated
 * when it arrived with the scorecard the service ships, and the whole file re-rated as yesterday's
 * daily re-rating left it; stored by the service's own mapping. The same enterprise number always
 * gives the same file.
 */
final class CreditFileSeed {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final int BATCH = 1_000;
  private static final String[] REGIONS = {"440103", "440106", "440304", "440305", "440306", "440604", "441302",
      "441900", "442000", "445102"};
  static final String[] INDUSTRIES = {"MINING", "HAZARDOUS_CHEMICALS", "FIREWORKS", "METALLURGY",
      "BUILDING_MATERIALS", "MACHINERY", "LIGHT_INDUSTRY", "TEXTILES", "TRADE"};
  private static final String[] GRADES = {"NONE", "NONE", "NONE", "LEVEL_3", "LEVEL_3", "LEVEL_2", "LEVEL_1"};
  private static final Duration SPREAD = Duration.ofDays(4 * 365);

  private final Scorecard scorecard = shippedScorecard();
  private final Instant now;
  private final int enterprises;
  private final int recordsPerEnterprise;

  CreditFileSeed(Instant now, int enterprises, int recordsPerEnterprise) {
    this.now = now;
    this.enterprises = enterprises;
    this.recordsPerEnterprise = recordsPerEnterprise;
  }

  /** The version the service seeds itself with (credit-service's scorecards/v1.json). */
  static Scorecard shippedScorecard() {
    try (InputStream in = CreditFileSeed.class.getResourceAsStream("/scorecards/v1.json")) {
      if (in == null) {
        throw new IllegalStateException("scorecards/v1.json is not on the class path");
      }
      return JsonMapper.builder().build().readValue(in, Scorecard.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Seeds every enterprise with {@code threads} threads, printing progress; the number of records stored. */
  long seed(MongoCollection<Document> files, int threads) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicLong records = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    List<RuntimeException> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker = new Thread(() -> {
        try {
          for (int from = next.getAndAdd(BATCH); from < enterprises; from = next.getAndAdd(BATCH)) {
            List<Document> batch = new ArrayList<>(BATCH);
            for (int i = from; i < Math.min(enterprises, from + BATCH); i++) {
              CreditFile file = file(i);
              records.addAndGet(file.records().size());
              batch.add(CreditFileDocuments.toDocument(file).append("outbox", List.of()));
            }
            files.insertMany(batch, new InsertManyOptions().ordered(false));
            done.addAndGet(batch.size());
          }
        } catch (RuntimeException e) {
          failures.add(e);
        }
      }, "seed-" + t);
      worker.start();
      workers.add(worker);
    }
    Report.Progress progress = new Report.Progress("seeding credit files", enterprises);
    for (Thread worker : workers) {
      while (worker.isAlive()) {
        worker.join(200);
        progress.at(done.get());
      }
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException("seeding failed: " + failures.get(0), failures.get(0));
    }
    return records.get();
  }

  /** Enterprise number {@code i}'s file as the service would hold it now. */
  CreditFile file(int i) {
    SplittableRandom random = new SplittableRandom(0x5EED_0000L + i);
    Instant registered = now.minus(SPREAD).minusSeconds(random.nextLong(86_400L * 365));
    String industry = INDUSTRIES[random.nextInt(INDUSTRIES.length)];
    String region = region(i);
    Profile profile = new Profile(EnterpriseNames.of(i, region, industry), region, industry,
        GRADES[random.nextInt(GRADES.length)], "VALID");
    String uscc = uscc(i);
    CreditFile file = CreditFile.open(uscc).updateProfile(profile, 1, "bench-registered-" + i, scorecard, registered,
        ZONE).file();
    // 0 to 2× the average, so the total is about enterprises × average
    int count = random.nextInt(2 * recordsPerEnterprise + 1);
    List<CreditRecord> records = new ArrayList<>(count);
    for (int r = 0; r < count; r++) {
      records.add(record(random, "bench-" + i + "-" + r, now.minusSeconds(random.nextLong(SPREAD.toSeconds()))));
    }
    records.sort(Comparator.comparing(CreditRecord::occurredAt));
    for (CreditRecord record : records) {
      file = file.addRecord(record, scorecard, record.recordedAt(), ZONE).file();
    }
    return file.rerate(scorecard, now.minus(Duration.ofDays(1)), ZONE, "daily re-rating").file();
  }

  private static CreditRecord record(SplittableRandom random, String eventId, Instant at) {
    int roll = random.nextInt(100);
    String reference = "case-" + eventId;
    if (roll < 60) {
      String amount = String.valueOf(1_000 * (1 + random.nextInt(300)));
      Severity severity = PenaltySeverity.of(List.of(new PenaltyFact("FINE", new BigDecimal(amount), null)));
      return CreditRecord.of(eventId, RecordKind.ADMINISTRATIVE_PENALTY, severity, reference,
          "罚款 " + amount + " 元", at, at, ZONE);
    }
    if (roll < 75) {
      Severity severity = random.nextInt(10) < 8 ? Severity.GENERAL : Severity.SERIOUS;
      return CreditRecord.of(eventId, RecordKind.ACCIDENT, severity, "accident-" + eventId, "生产安全事故", at, at,
          ZONE);
    }
    if (roll < 92) {
      return CreditRecord.of(eventId, RecordKind.MAJOR_HAZARD_OVERDUE, Severity.GENERAL, "hazard-" + eventId,
          "重大事故隐患逾期未整改", at, at, ZONE);
    }
    if (roll < 98) {
      return CreditRecord.of(eventId, RecordKind.LICENCE_SUSPENDED, Severity.GENERAL, reference, "暂扣安全生产许可证",
          at, at, ZONE);
    }
    return CreditRecord.of(eventId, RecordKind.ACCIDENT_CONCEALED, Severity.SERIOUS, "accident-" + eventId,
        "瞒报生产安全事故", at, at, ZONE);
  }

  static String region(int i) {
    return REGIONS[i % REGIONS.length];
  }

  /** A valid unified social credit code (GB 32100) of the enterprise's region, different for every enterprise. */
  static String uscc(int i) {
    return Codes.uscc(region(i), 1_000_003L + i * 104_729L);
  }
}
