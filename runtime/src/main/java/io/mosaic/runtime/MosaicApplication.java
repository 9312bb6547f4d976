package io.mosaic.runtime;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The one Spring Boot application of the platform. */
@SpringBootApplication
@EnableScheduling
public class MosaicApplication {

    public static void main(String[] args) {
        SpringApplication.run(MosaicApplication.class, args);
    }
}
