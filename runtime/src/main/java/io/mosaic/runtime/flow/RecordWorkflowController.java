package io.mosaic.runtime.flow;

import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A record's approval: submitting it and where it stands. */
@Tag(name = "Workflows")
@RestController
@RequestMapping("/api/apps/{app}/forms/{form}/records/{id}")
@PreAuthorize("isAuthenticated()")
public class RecordWorkflowController {

    private final FlowService flows;

    RecordWorkflowController(FlowService flows) {
        this.flows = flows;
    }

    @Operation(summary = "Submit the record for approval (or resubmit it after a return): 409 flow.not_bound when no "
            + "process starts on the form, 409 flow.in_approval when it is already in approval")
    @PostMapping("/submit")
    Map<String, Object> submit(@PathVariable String app, @PathVariable String form, @PathVariable long id,
                               @RequestBody(required = false) FlowController.ActionRequest request, Authentication user) {
        FlowService.Outcome outcome = flows.submit(app, form, id, user,
                FlowController.ActionRequest.orEmpty(request).input());
        return Map.of("instanceId", outcome.instanceId(), "status", outcome.status());
    }

    @Operation(summary = "The record's workflow status, current steps and assignees, timeline, and what the user may do")
    @GetMapping("/workflow")
    Map<String, Object> workflow(@PathVariable String app, @PathVariable String form, @PathVariable long id,
                                 Authentication user) {
        return flows.recordWorkflow(app, form, id, user);
    }
}
