package cn.worksafety.credit.blacklist.application;

import java.time.Instant;

/**
 * The penalty cases enforcement has closed (结案), that is carried out: the one repair condition
 * credit can check for itself.
 */
public interface ClosedCases {

  void closed(String caseId, Instant at);

  boolean isClosed(String caseId);
}
