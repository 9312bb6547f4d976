package io.mosaic.runtime.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import io.mosaic.runtime.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The delivery log (role admin, see SecurityConfig): every delivery, its attempts and last error; manual retry. */
@Tag(name = "Notifications", description = "The outbox delivery log")
@RestController
@RequestMapping("/api/admin/outbox")
public class OutboxController {

    private static final Set<String> STATUSES = Set.of(OutboxEntry.PENDING, OutboxEntry.SENT, OutboxEntry.DEAD);

    /** A row of the delivery log. */
    record Delivery(long id, String idempotencyKey, String topic, String channel, String target, JsonNode title,
                    String status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
                    Instant sentAt) {

        static Delivery of(OutboxEntry e) {
            return new Delivery(e.id(), e.idempotencyKey(), e.topic(), e.channel().key(), e.target(),
                    e.message().path("title"), e.status(), e.attempts(),
                    OutboxEntry.PENDING.equals(e.status()) ? e.nextAttemptAt() : null, e.lastError(), e.createdAt(),
                    e.sentAt());
        }
    }

    record Page(List<Delivery> items, long total, int page, int size) {
    }

    private final Outbox outbox;
    private final OutboxDispatcher dispatcher;
    private final Clock clock = Clock.systemUTC();

    OutboxController(Outbox outbox, OutboxDispatcher dispatcher) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
    }

    @Operation(summary = "Deliveries, newest first; status pending, sent or dead")
    @GetMapping
    Page list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
              @RequestParam(defaultValue = "50") int size) {
        String filter = status == null || status.isBlank() ? null : status;
        if (filter != null && !STATUSES.contains(filter)) {
            throw ApiException.badRequest("request.invalid", "status must be pending, sent or dead");
        }
        Paging.check(page, size);
        return new Page(outbox.page(filter, page * size, size).stream().map(Delivery::of).toList(),
                outbox.count(filter), page, size);
    }

    @Operation(summary = "Deliver a dead or pending row again now (it keeps its idempotency key)")
    @PostMapping("/{id}/retry")
    Delivery retry(@PathVariable long id) {
        OutboxEntry entry = outbox.find(id).orElseThrow(() -> ApiException.notFound("delivery " + id));
        if (!outbox.retry(id, clock.instant())) {
            throw ApiException.conflict("outbox.already_sent", "Delivery " + id + " was sent already ("
                    + entry.sentAt() + ")");
        }
        dispatcher.nudge();
        return Delivery.of(outbox.find(id).orElseThrow());
    }
}
