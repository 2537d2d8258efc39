package cn.worksafety.enforcement.penaltycase.infrastructure;

import cn.worksafety.enforcement.penaltycase.model.Approval;
import cn.worksafety.enforcement.penaltycase.model.CaseState;
import cn.worksafety.enforcement.penaltycase.model.Decision;
import cn.worksafety.enforcement.penaltycase.model.Execution;
import cn.worksafety.enforcement.penaltycase.model.Hearing;
import cn.worksafety.enforcement.penaltycase.model.Notice;
import cn.worksafety.enforcement.penaltycase.model.Penalty;
import cn.worksafety.enforcement.penaltycase.model.PenaltyCase;
import cn.worksafety.enforcement.penaltycase.model.PenaltyKind;
import cn.worksafety.enforcement.penaltycase.model.Service;
import cn.worksafety.enforcement.penaltycase.model.StepRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/** Maps cases to and from their stored form. Amounts are kept as decimal strings, never as doubles. */
final class CaseDocuments {
  private CaseDocuments() {}

  static Document toDocument(PenaltyCase c) {
    return new Document("_id", c.id()).append("uscc", c.uscc()).append("region", c.region())
        .append("title", c.title()).append("officers", c.officers()).append("state", c.state().name())
        .append("filedAt", Date.from(c.filedAt())).append("decisionDue", c.decisionDue().toString())
        .append("notice", c.notice() == null ? null : notice(c.notice()))
        .append("defenceStatement", c.defenceStatement())
        .append("decision", c.decision() == null ? null : decision(c.decision()))
        .append("service", c.service() == null ? null : new Document("servedAt", Date.from(c.service().servedAt()))
            .append("method", c.service().method()).append("dueBy", c.service().dueBy().toString()))
        .append("execution", c.execution() == null ? null : new Document("executedAt",
            Date.from(c.execution().executedAt()))
            .append("amountPaid", c.execution().amountPaid() == null ? null : c.execution().amountPaid().toPlainString())
            .append("surcharge", c.execution().surcharge().toPlainString()))
        .append("outcome", c.outcome())
        .append("history", c.history().stream().map(h -> new Document("step", h.step())
            .append("at", Date.from(h.at())).append("by", h.by())).toList())
        .append("version", c.version());
  }

  static PenaltyCase fromDocument(Document d) {
    Document notice = d.get("notice", Document.class);
    Document decision = d.get("decision", Document.class);
    Document service = d.get("service", Document.class);
    Document execution = d.get("execution", Document.class);
    return new PenaltyCase(d.getString("_id"), d.getString("uscc"), d.getString("region"), d.getString("title"),
        d.getList("officers", String.class), CaseState.valueOf(d.getString("state")),
        d.getDate("filedAt").toInstant(), LocalDate.parse(d.getString("decisionDue")),
        notice == null ? null : new Notice(penalties(notice, "proposedPenalties"), notice.getBoolean("defenceWaived"),
            notice.getDate("noticedAt").toInstant(), LocalDate.parse(notice.getString("defenceWindowLastDay")),
            hearing(notice.get("hearing", Document.class))),
        d.getString("defenceStatement"),
        decision == null ? null : new Decision(decision.getList("violationCodes", String.class),
            penalties(decision, "penalties"), decision.getString("legalBasis"),
            decision.getDate("decidedAt").toInstant(), approval(decision.get("approval", Document.class))),
        service == null ? null : new Service(service.getDate("servedAt").toInstant(), service.getString("method"),
            LocalDate.parse(service.getString("dueBy"))),
        execution == null ? null : new Execution(execution.getDate("executedAt").toInstant(),
            execution.getString("amountPaid") == null ? null : new BigDecimal(execution.getString("amountPaid")),
            new BigDecimal(execution.getString("surcharge"))),
        d.getString("outcome"),
        d.getList("history", Document.class).stream().map(h -> new StepRecord(h.getString("step"),
            h.getDate("at").toInstant(), h.getString("by"))).toList(),
        ((Number) d.get("version")).longValue());
  }

  static cn.worksafety.contracts.events.Penalty toContract(Penalty p) {
    return new cn.worksafety.contracts.events.Penalty(p.kind().name(), p.amount(), p.periodDays());
  }

  private static Approval approval(Document a) {
    return a == null ? null : new Approval(a.getString("supervisor"), a.getDate("approvedAt").toInstant(),
        a.getString("collectiveReviewRef"));
  }

  private static Document notice(Notice n) {
    return new Document("proposedPenalties", n.proposedPenalties().stream().map(CaseDocuments::penalty).toList())
        .append("defenceWaived", n.defenceWaived()).append("noticedAt", Date.from(n.noticedAt()))
        .append("defenceWindowLastDay", n.defenceWindowLastDay().toString())
        .append("hearing", n.hearing() == null ? null : new Document("requestedAt", Date.from(n.hearing().requestedAt()))
            .append("heldAt", n.hearing().heldAt() == null ? null : Date.from(n.hearing().heldAt()))
            .append("record", n.hearing().record()));
  }

  private static Hearing hearing(Document h) {
    return h == null ? null : new Hearing(h.getDate("requestedAt").toInstant(),
        h.getDate("heldAt") == null ? null : h.getDate("heldAt").toInstant(), h.getString("record"));
  }

  private static Document decision(Decision d) {
    return new Document("violationCodes", d.violationCodes())
        .append("penalties", d.penalties().stream().map(CaseDocuments::penalty).toList())
        .append("legalBasis", d.legalBasis()).append("decidedAt", Date.from(d.decidedAt()))
        .append("approval", d.approval() == null ? null : new Document("supervisor", d.approval().supervisor())
            .append("approvedAt", Date.from(d.approval().approvedAt()))
            .append("collectiveReviewRef", d.approval().collectiveReviewRef()));
  }

  private static Document penalty(Penalty p) {
    return new Document("kind", p.kind().name())
        .append("amount", p.amount() == null ? null : p.amount().toPlainString())
        .append("periodDays", p.periodDays());
  }

  private static List<Penalty> penalties(Document parent, String field) {
    return parent.getList(field, Document.class).stream().map(p -> new Penalty(PenaltyKind.valueOf(p.getString("kind")),
        p.getString("amount") == null ? null : new BigDecimal(p.getString("amount")), p.getInteger("periodDays")))
        .toList();
  }
}
