package cn.worksafety.credit.supervision.application;

import cn.worksafety.credit.creditfile.application.CreditFileService;
import cn.worksafety.credit.supervision.model.Candidate;
import cn.worksafety.credit.supervision.model.InspectionPlan;
import cn.worksafety.credit.supervision.model.SamplingRates;
import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.problem.ProblemKind;
import cn.worksafety.platform.security.Caller;
import cn.worksafety.platform.security.RegionScope;
import cn.worksafety.platform.security.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/** Draws and shows the yearly random-inspection plans of regions, from the grades in force when drawn. */
@Service
public class SupervisionService {
  private static final SecureRandom SEEDS = new SecureRandom();
  private final CreditFileService files;
  private final InspectionPlans plans;
  private final SamplingRates rates;
  private final Clock clock;

  public SupervisionService(CreditFileService files, InspectionPlans plans, SamplingRates rates, Clock clock) {
    this.files = files;
    this.plans = plans;
    this.rates = rates;
    this.clock = clock;
  }

  /** Draws the plan of {@code region} for {@code year}, with {@code seed} or a fresh one; a plan is drawn once. */
  public InspectionPlan draw(String region, int year, Long seed, Caller caller) {
    checkScope(region, caller);
    int thisYear = Year.now(clock).getValue();
    if (year < thisYear || year > thisYear + 1) {
      throw DomainException.invalid("year", "a plan is drawn for this year or the next (" + thisYear + " or "
          + (thisYear + 1) + "), was " + year);
    }
    Instant now = clock.instant();
    List<Candidate> candidates = new ArrayList<>();
    files.forEachIn(region, file -> candidates.add(new Candidate(file.uscc(), files.ratingAt(file, now).grade(),
        file.listedAt(now))));
    InspectionPlan plan = InspectionPlan.draw(region, year, seed == null ? SEEDS.nextLong() : seed, candidates, rates,
        now, caller.subject());
    if (!plans.add(plan)) {
      throw new DomainException(ProblemKind.CONFLICT, "plan-already-drawn", "the inspection plan of " + region
          + " for " + year + " was already drawn; a plan is drawn once and kept as it was")
          .with("plan", "/api/credit/supervision/plans/" + region + "/" + year);
    }
    return plan;
  }

  public InspectionPlan get(String region, int year, Caller caller) {
    checkScope(region, caller);
    return plans.find(region, year).orElseThrow(() -> DomainException.notFound("inspection plan", region + "/" + year));
  }

  private static void checkScope(String region, Caller caller) {
    if (!RegionScope.isRegionCode(region)) {
      throw DomainException.invalid("region", "must be a six-digit GB/T 2260 code, was '" + region + "'");
    }
    if (!caller.has(Role.CREDIT_ADMIN) && !caller.covers(region)) {
      throw DomainException.notFound("inspection plan", region);
    }
  }
}
