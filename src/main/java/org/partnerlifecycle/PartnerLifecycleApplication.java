package org.partnerlifecycle;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class PartnerLifecycleApplication {

  public static void main(String[] args) {
    SpringApplication.run(PartnerLifecycleApplication.class, args);
  }
}
