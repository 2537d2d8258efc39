package cn.worksafety.gateway.ratelimit;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

  @Bean(destroyMethod = "close")
  RateLimitBuckets rateLimitBuckets(RateLimitProperties properties) {
    Duration longest = Collections.max(List.of(properties.anonymous().refillTime(), properties.partner().refillTime()));
    return properties.sharedThroughRedis()
        ? RateLimitBuckets.inRedis(properties.redisUrl(), longest)
        : RateLimitBuckets.inMemory(longest);
  }
}
