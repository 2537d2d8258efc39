package cn.worksafety.enforcement;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class EnforcementApplication {
  public static void main(String[] args) {
    SpringApplication.run(EnforcementApplication.class, args);
  }
}
