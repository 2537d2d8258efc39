package cn.worksafety.credit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CreditApplication {
  public static void main(String[] args) {
    SpringApplication.run(CreditApplication.class, args);
  }
}
