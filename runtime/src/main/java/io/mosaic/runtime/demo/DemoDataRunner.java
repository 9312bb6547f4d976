package io.mosaic.runtime.demo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Generates the demo data of size {@code mosaic.demo.size} ({@code demo} in the {@code demo} profile; unset, none)
 * at start, on an installation without dealers or orders only, so that a restart adds nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 300) // after the sample pack installer, whose forms it fills
class DemoDataRunner implements ApplicationRunner {

    private final DemoData demoData;
    private final String size;

    DemoDataRunner(DemoData demoData, @Value("${mosaic.demo.size:}") String size) {
        this.demoData = demoData;
        this.size = size;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (size.isBlank()) {
            return;
        }
        DemoSize named;
        try {
            named = DemoSize.named(size);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("mosaic.demo.size: " + e.getMessage(), e);
        }
        demoData.generateIfEmpty(named);
    }
}
