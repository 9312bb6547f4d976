package io.mosaic.runtime.notify;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.mosaic.runtime.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The signed-in user's in-app notifications. */
@Tag(name = "Notifications", description = "The in-app inbox: list, unread count, mark read")
@RestController
@RequestMapping("/api/notifications")
@PreAuthorize("isAuthenticated()")
public class NotificationController {

    record Page(List<NotificationInbox.Item> items, long total, int page, int size) {
    }

    private final NotificationInbox inbox;
    private final Clock clock = Clock.systemUTC();

    NotificationController(NotificationInbox inbox) {
        this.inbox = inbox;
    }

    @Operation(summary = "My notifications, newest first")
    @GetMapping
    Page list(Authentication user, @RequestParam(defaultValue = "0") int page,
              @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        return new Page(inbox.list(user.getName(), page * size, size), inbox.count(user.getName()), page, size);
    }

    @Operation(summary = "How many of my notifications are unread")
    @GetMapping("/unread-count")
    Map<String, Long> unreadCount(Authentication user) {
        return Map.of("count", inbox.unread(user.getName()));
    }

    @Operation(summary = "Mark one of my notifications read")
    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void read(Authentication user, @PathVariable long id) {
        if (!inbox.markRead(id, user.getName(), clock.instant())) {
            throw ApiException.notFound("notification " + id);
        }
    }

    @Operation(summary = "Mark all my notifications read")
    @PostMapping("/read-all")
    Map<String, Integer> readAll(Authentication user) {
        return Map.of("updated", inbox.markAllRead(user.getName(), clock.instant()));
    }
}
