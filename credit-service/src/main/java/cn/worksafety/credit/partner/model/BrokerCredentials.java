package cn.worksafety.credit.partner.model;

/** What a department connects to the broker with. The password is shown once and never stored here. */
public record BrokerCredentials(String username, String password, String virtualHost, String queue) {

  /** Never the password: records are logged. */
  @Override
  public String toString() {
    return "BrokerCredentials[" + username + "@" + virtualHost + ", " + queue + "]";
  }
}
