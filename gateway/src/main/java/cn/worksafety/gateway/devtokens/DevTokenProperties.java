package cn.worksafety.gateway.devtokens;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code app.security.dev-tokens.*}: how long a locally issued test token lives. */
@ConfigurationProperties("app.security.dev-tokens")
public record DevTokenProperties(@DefaultValue("12h") Duration ttl) {}
