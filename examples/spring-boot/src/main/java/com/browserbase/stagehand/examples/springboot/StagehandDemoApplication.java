package com.browserbase.stagehand.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application that uses Stagehand through {@code stagehand-spring-boot-starter}: the client, the action
 * cache, the metrics and the health indicator all come from {@code application.properties}; the application's own
 * code is {@link FormController}. README of this folder.
 */
@SpringBootApplication
public class StagehandDemoApplication {
  /** Starts the application. */
  public static void main(String[] args) {
    SpringApplication.run(StagehandDemoApplication.class, args);
  }
}
