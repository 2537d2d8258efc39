package cn.worksafety.credit.blacklist.application;

import cn.worksafety.credit.blacklist.model.ListedPerson;
import cn.worksafety.credit.blacklist.model.Trigger;
import java.time.Instant;
import java.util.List;

/** What callers ask of the listing procedure, already validated for shape by the web layer. */
public final class ListingCommands {
  private ListingCommands() {}

  public record Propose(String uscc, Trigger trigger, String caseId, String grounds, List<ListedPerson> persons) {}

  public record Notify(Instant servedAt, List<ListedPerson> persons) {}

  public record RecordObjection(Instant receivedAt, String statement) {}

  public record Decide(boolean list, String reason, String objectionReview, String decidingAuthority,
      Instant decidedAt) {}

  public record ApplyForRepair(String correction, String commitment, String training) {}
}
