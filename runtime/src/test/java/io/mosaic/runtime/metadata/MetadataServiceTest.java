package io.mosaic.runtime.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

import io.mosaic.runtime.support.RuntimeTest;
import io.mosaic.runtime.web.ApiException;

/** The service as template pack import uses it: several steps, one transaction. */
class MetadataServiceTest extends RuntimeTest {

    private static final String ACTOR = "pack-import";

    @Autowired
    MetadataService metadata;

    @Autowired
    TransactionTemplate transactions;

    private final String app = "app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @BeforeEach
    void createApp() {
        metadata.createApp(app, "{\"key\": \"" + app + "\", \"name\": {\"zh-CN\": \"包\", \"en\": \"Pack\"},"
                + " \"version\": \"1.0.0\", \"platform\": \">=0.1.0\", \"definitions\": []}", ACTOR);
    }

    @Test
    void publishContentOfUnchangedContentWritesNothing() {
        DefinitionVersion first = metadata.publishContent(app, "testnote", "same", "{\"title\": \"Same\"}", "v1", ACTOR);

        DefinitionVersion again = metadata.publishContent(app, "testnote", "same", "{\"title\": \"Same\"}", "v2", ACTOR);

        assertThat(again).isEqualTo(first);
        assertThat(metadata.versions(app, "testnote", "same")).hasSize(1);
        assertThat(metadata.definition(app, "testnote", "same").hasDraft()).isFalse();
    }

    @Test
    void publishContentOfChangedContentPublishesTheNextVersion() {
        metadata.publishContent(app, "testnote", "changing", "{\"title\": \"One\"}", null, ACTOR);

        DefinitionVersion second = metadata.publishContent(app, "testnote", "changing", "{\"title\": \"Two\"}",
                "upgrade", ACTOR);

        assertThat(second.version()).isEqualTo(2);
        assertThat(second.comment()).isEqualTo("upgrade");
        assertThat(metadata.latestPublished(app, "testnote", "changing")).contains(second);
        assertThat(metadata.definition(app, "testnote", "changing").hasDraft()).isFalse();
    }

    @Test
    void publishContentThatWouldLoseDataLeavesTheDraftUntouched() {
        metadata.publishContent(app, "testnote", "lossy", "{\"title\": \"T\", \"items\": [\"a\"]}", null, ACTOR);

        assertThatThrownBy(() -> metadata.publishContent(app, "testnote", "lossy", "{\"title\": \"T\"}", null, ACTOR))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.code()).isEqualTo("definition.data_loss");
                });

        Definition current = metadata.definition(app, "testnote", "lossy");
        assertThat(current.hasDraft()).isFalse();
        assertThat(current.content()).contains("\"a\"");
    }

    @Test
    void stepsInTheCallersTransactionRollBackTogether() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            metadata.publishContent(app, "testnote", "first_step", "{\"title\": \"First\"}", null, ACTOR);
            metadata.publishContent(app, "testnote", "second_step", "{\"title\": \"\"}", null, ACTOR);
        })).isInstanceOf(ApiException.class);

        assertThat(metadata.definitions(app, "testnote")).isEmpty();
        assertThat(metadata.latestPublished(app, "testnote", "first_step")).isEmpty();
    }

    @Test
    void concurrentPublishesOfOneDefinitionGetConsecutiveVersions() throws Exception {
        metadata.publishContent(app, "testnote", "busy", "{\"title\": \"Start\"}", null, ACTOR);
        int writers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<DefinitionVersion>> published = new ArrayList<>();
        try {
            for (int i = 1; i <= writers; i++) {
                String content = "{\"title\": \"Edit " + i + "\"}";
                published.add(pool.submit(() -> {
                    start.await();
                    return metadata.publishContent(app, "testnote", "busy", content, null, ACTOR);
                }));
            }
            start.countDown();
            List<Integer> numbers = new ArrayList<>();
            for (Future<DefinitionVersion> version : published) {
                numbers.add(version.get(30, TimeUnit.SECONDS).version());
            }
            assertThat(numbers).containsExactlyInAnyOrder(2, 3, 4, 5);
        } finally {
            pool.shutdownNow();
        }
        assertThat(metadata.versions(app, "testnote", "busy")).extracting(DefinitionVersion::version)
                .containsExactly(5, 4, 3, 2, 1);
    }

    @Test
    void concurrentFirstSavesOfOneKeyAllSucceed() throws Exception {
        int writers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Definition>> saved = new ArrayList<>();
        try {
            for (int i = 1; i <= writers; i++) {
                String content = "{\"title\": \"Draft " + i + "\"}";
                saved.add(pool.submit(() -> {
                    start.await();
                    return metadata.saveDraft(app, "testnote", "contended", content, ACTOR);
                }));
            }
            start.countDown();
            for (Future<Definition> definition : saved) {
                assertThat(definition.get(30, TimeUnit.SECONDS).hasDraft()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(metadata.definitions(app, "testnote")).hasSize(1);
    }
}
