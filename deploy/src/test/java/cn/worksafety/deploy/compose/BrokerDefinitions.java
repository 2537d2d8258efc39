package cn.worksafety.deploy.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * What RabbitMQ's definitions file must hold: the two exchanges of the contract, durable topic
 * exchanges in a virtual host it declares; and what it must not: a user with a password (users come
 * from the environment, added once the broker runs).
 */
final class BrokerDefinitions {
  static final List<String> EXCHANGES = List.of("enforcement.events", "credit.events");

  private BrokerDefinitions() {}

  static List<String> violations(JsonNode definitions, String file) {
    List<String> violations = new ArrayList<>();
    Set<String> vhosts = vhosts(definitions);
    for (String name : EXCHANGES) {
      Optional<JsonNode> exchange = definitions.path("exchanges").valueStream()
          .filter(candidate -> name.equals(candidate.path("name").asString(""))).findFirst();
      if (exchange.isEmpty()) {
        violations.add(file + ": exchange " + name + " is not declared");
        continue;
      }
      JsonNode declared = exchange.get();
      if (!"topic".equals(declared.path("type").asString("")) || !declared.path("durable").asBoolean(false)
          || declared.path("auto_delete").asBoolean(false)) {
        violations.add(file + ": exchange " + name + " is not a durable topic exchange");
      }
      String vhost = declared.path("vhost").asString("");
      if (!vhosts.contains(vhost)) {
        violations.add(file + ": exchange " + name + " is in vhost '" + vhost + "', which is not declared");
      }
    }
    for (JsonNode user : definitions.path("users")) {
      if (user.has("password") || user.has("password_hash")) {
        violations.add(file + ": user " + user.path("name").asString("") + " has a password; users come from .env");
      }
    }
    return violations;
  }

  static Set<String> vhosts(JsonNode definitions) {
    return definitions.path("vhosts").valueStream().map(vhost -> vhost.path("name").asString(""))
        .collect(Collectors.toSet());
  }
}
