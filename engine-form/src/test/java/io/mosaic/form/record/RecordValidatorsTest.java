package io.mosaic.form.record;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RecordValidatorsTest {

    private static final String VERSION_1 = """
            {"key": "ticket", "name": {"zh-CN": "工单", "en": "Ticket"},
             "fields": [{"key": "subject", "type": "text", "label": {"zh-CN": "主题", "en": "Subject"}, "maxLength": 10}]}
            """;
    private static final String VERSION_2 = VERSION_1.replace("\"maxLength\": 10", "\"maxLength\": 20");

    private final RecordValidators validators = new RecordValidators(Fixtures.CONDITIONS);
    private final AtomicInteger reads = new AtomicInteger();

    private RecordValidator validator(String version, String definition) {
        return validators.validator("ticket", version, () -> {
            reads.incrementAndGet();
            return definition;
        });
    }

    @Test
    void compilesAVersionOnceAndReusesIt() {
        RecordValidator first = validator("1", VERSION_1);

        assertThat(validator("1", VERSION_1)).isSameAs(first);
        assertThat(reads).hasValue(1);
    }

    @Test
    void compilesANewVersionWithItsOwnLimits() {
        String record = "{\"subject\": \"fifteen letters\"}";
        RecordValidator first = validator("1", VERSION_1);
        RecordValidator second = validator("2", VERSION_2);

        assertThat(second).isNotSameAs(first);
        assertThat(first.validate(record, Locale.ENGLISH)).extracting(RecordError::code).containsExactly("max_length");
        assertThat(second.validate(record, Locale.ENGLISH)).isEmpty();
        assertThat(validator("2", VERSION_2)).isSameAs(second);
    }

    @Test
    void compilesOnceUnderConcurrentFirstRequests() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<RecordValidator>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return validator("1", VERSION_1);
                }));
            }
            start.countDown();
            Set<RecordValidator> distinct = ConcurrentHashMap.newKeySet();
            for (Future<RecordValidator> result : results) {
                distinct.add(result.get());
            }
            assertThat(distinct).hasSize(1);
            assertThat(reads).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void compilesAgainAfterEviction() {
        RecordValidator first = validator("1", VERSION_1);
        validators.evict("ticket");

        assertThat(validator("1", VERSION_1)).isNotSameAs(first);
    }

    @Test
    void refusesAnInvalidDefinitionWithItsProblems() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> validator("3", VERSION_1.replace("\"text\"", "\"txt\"")))
                .isInstanceOf(io.mosaic.api.definition.InvalidDefinitionException.class)
                .hasMessageContaining("/fields/0/type");
    }
}
