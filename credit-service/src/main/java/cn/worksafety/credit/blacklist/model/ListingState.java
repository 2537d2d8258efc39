package cn.worksafety.credit.blacklist.model;

/** Where a listing stands: the procedure (proposal → notice → objection → decision → publication), then the term. */
public enum ListingState {
  PROPOSED,
  /** The party was notified; it may object until the window closes. */
  NOTIFIED,
  /** Decided to list; waits for publication, which puts it in force. */
  DECIDED,
  /** In force: on the published list. */
  LISTED,
  /** Decided not to list; nothing follows. */
  NOT_LISTED,
  /** The penalty decision behind it was revoked before publication; nothing follows. */
  WITHDRAWN,
  /** Off the list: expired, repaired or revoked. A repaired entry found fraudulent can be restored. */
  REMOVED
}
