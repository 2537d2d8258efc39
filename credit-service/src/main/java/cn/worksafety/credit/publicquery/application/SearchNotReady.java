package cn.worksafety.credit.publicquery.application;

import cn.worksafety.credit.publicquery.model.IndexStatus;

/** A name search asked before the index was first built: try again once the walk is through. */
public class SearchNotReady extends RuntimeException {
  private final IndexStatus status;

  public SearchNotReady(IndexStatus status) {
    super("the name index is being built (" + status.percent() + " % of about " + status.expected()
        + " enterprises); searching by code, name or part of a name is possible once it is done");
    this.status = status;
  }

  public IndexStatus status() {
    return status;
  }
}
