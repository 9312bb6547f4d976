package io.mosaic.runtime.flow;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.form.file.FileNames;
import io.mosaic.form.file.FileStore;
import io.mosaic.runtime.web.ApiError;
import io.mosaic.runtime.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Approval workflows for the people in them: inbox, tasks and their actions, instances, diagrams, attachments. */
@Tag(name = "Workflows", description = "Inbox, tasks, actions, instance timelines and diagrams")
@RestController
@RequestMapping("/api/flow")
@PreAuthorize("isAuthenticated()")
public class FlowController {

    private static final long MAX_ATTACHMENT_BYTES = 20L * 1024 * 1024;

    /** The body of an action; every member is optional, which ones an action needs is in its description. */
    public record ActionRequest(String comment, List<String> attachments, String target, String user, List<String> users,
                                ObjectNode values, Integer version) {

        FlowService.ActionInput input() {
            return new FlowService.ActionInput(comment, attachments == null ? List.of() : attachments, target, user,
                    users == null ? List.of() : users, values, version);
        }

        static ActionRequest orEmpty(ActionRequest request) {
            return request == null ? new ActionRequest(null, null, null, null, null, null, null) : request;
        }
    }

    private final FlowService flows;
    private final FlowInbox inbox;
    private final FlowStore store;
    private final FileStore files;
    private final Todos todos;

    FlowController(FlowService flows, FlowInbox inbox, FlowStore store, FileStore files, Todos todos) {
        this.flows = flows;
        this.inbox = inbox;
        this.todos = todos;
        this.store = store;
        this.files = files;
    }

    @Operation(summary = "How many tasks to do, done, processes started and unread copies the user has")
    @GetMapping("/inbox/counts")
    Map<String, Long> counts(Authentication user) {
        return inbox.counts(user);
    }

    @Operation(summary = "One page of a box (todo, done, started, cc), newest first; q filters titles, app the app")
    @GetMapping("/inbox/{box}")
    FlowInbox.Page box(@PathVariable String box, @RequestParam(required = false) String app,
                       @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                       @RequestParam(defaultValue = "20") int size, Authentication user) {
        if (page < 0 || size < 1 || size > 200) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "request.invalid", "page from 0, size from 1 to 200",
                    List.of(new ApiError.Problem(page < 0 ? "page" : "size", "out of range")));
        }
        return inbox.page(box, user, app, q, page, size);
    }

    @Operation(summary = "Mark a rule's to-do done (it leaves the to-do box of everyone it was offered to); 404 "
            + "flow.todo_not_found when it is not open and the user's")
    @PostMapping("/todos/{todoId}/done")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void todoDone(@PathVariable String todoId, Authentication user) {
        todos.done(todoId, user);
    }

    @Operation(summary = "A task with the record under its field access, the actions allowed now and return targets")
    @GetMapping("/tasks/{taskId}")
    Map<String, Object> task(@PathVariable String taskId, Authentication user) {
        return flows.taskView(taskId, user);
    }

    @Operation(summary = "Act on a task: approve (values, version), reject (comment), return (target, comment), "
            + "resubmit, transfer / delegate / add_signer_before / add_signer_after (user), resolve, cc (users), claim, "
            + "unclaim. 409 flow.task_gone when someone else acted first, 403 flow.not_allowed, 422 with a pointer")
    @PostMapping("/tasks/{taskId}/actions/{action}")
    FlowService.Outcome act(@PathVariable String taskId, @PathVariable String action,
                            @RequestBody(required = false) ActionRequest request, Authentication user) {
        return flows.act(taskId, action, ActionRequest.orEmpty(request).input(), user);
    }

    @Operation(summary = "An instance with its current steps, timeline and what the user may do (withdraw, urge)")
    @GetMapping("/instances/{instanceId}")
    Map<String, Object> instance(@PathVariable String instanceId, Authentication user) {
        return flows.instanceView(instanceId, user);
    }

    @Operation(summary = "The instance's BPMN diagram with its active and completed elements")
    @GetMapping("/instances/{instanceId}/diagram")
    Map<String, Object> diagram(@PathVariable String instanceId, Authentication user) {
        return flows.diagram(instanceId, user);
    }

    @Operation(summary = "Withdraw a record the user submitted while no approver has acted: 409 flow.not_withdrawable")
    @PostMapping("/instances/{instanceId}/withdraw")
    FlowService.Outcome withdraw(@PathVariable String instanceId, @RequestBody(required = false) ActionRequest request,
                                 Authentication user) {
        return flows.withdraw(instanceId, ActionRequest.orEmpty(request).input(), user);
    }

    @Operation(summary = "Remind the current assignees of a record the user submitted")
    @PostMapping("/instances/{instanceId}/urge")
    FlowService.Outcome urge(@PathVariable String instanceId, @RequestBody(required = false) ActionRequest request,
                             Authentication user) {
        return flows.urge(instanceId, ActionRequest.orEmpty(request).input(), user);
    }

    @Operation(summary = "Upload a file to attach to an action's comment (at most 20 MB); pass its id in attachments")
    @PostMapping(path = "/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Transactional
    ResponseEntity<Map<String, Object>> upload(@RequestPart("file") MultipartFile file, Authentication user)
            throws IOException {
        if (file.getSize() > MAX_ATTACHMENT_BYTES) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "file.invalid", "An attachment is at most 20 MB",
                    List.of(new ApiError.Problem("file", "At most 20 MB")));
        }
        String name = FileNames.sanitize(file.getOriginalFilename());
        String id;
        try (InputStream in = file.getInputStream()) {
            id = files.put(in, name, MediaType.APPLICATION_OCTET_STREAM_VALUE, file.getSize());
        }
        try {
            store.insertAttachment(id, name, MediaType.APPLICATION_OCTET_STREAM_VALUE, file.getSize(), user.getName(),
                    Instant.now());
        } catch (RuntimeException e) {
            files.delete(id);
            throw e;
        }
        return ResponseEntity.created(URI.create("/api/flow/attachments/" + id))
                .body(Map.of("id", id, "name", name, "size", file.getSize()));
    }

    @Operation(summary = "Download an attachment: its uploader's until used, then of whoever may see its instance")
    @GetMapping("/attachments/{id}")
    ResponseEntity<Resource> download(@PathVariable String id, Authentication user) throws IOException {
        FlowStore.Attachment attachment = store.attachment(id).orElseThrow(() -> ApiException.notFound("Attachment " + id));
        if (attachment.instanceId() == null ? !attachment.createdBy().equals(user.getName())
                : !flows.mayView(attachment.instanceId(), user)) {
            throw ApiException.notFound("Attachment " + id);
        }
        InputStream content;
        try {
            content = files.open(id);
        } catch (NoSuchFileException e) {
            throw ApiException.notFound("Attachment " + id);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(attachment.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(new InputStreamResource(content));
    }
}
