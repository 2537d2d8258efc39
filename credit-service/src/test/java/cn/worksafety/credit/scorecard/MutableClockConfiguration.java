package cn.worksafety.credit.scorecard;

import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Gives the service a {@link MutableClock} in place of the system clock. */
@TestConfiguration(proxyBeanMethods = false)
class MutableClockConfiguration {

  @Bean
  @Primary
  MutableClock mutableClock() {
    return new MutableClock(ZoneId.of("Asia/Shanghai"));
  }
}
