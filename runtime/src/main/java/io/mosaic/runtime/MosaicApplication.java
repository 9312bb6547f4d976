package io.mosaic.runtime;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The one Spring Boot application of the platform. */
@SpringBootApplication
public class MosaicApplication {

    public static void main(String[] args) {
        SpringApplication.run(MosaicApplication.class, args);
    }
}
