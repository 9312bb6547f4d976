package io.mosaic.runtime.demo;

import java.sql.SQLException;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.mosaic.runtime.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Demo data",
        description = "Fill an empty dms installation with generated regions, dealers, products and orders")
@PreAuthorize("hasRole('admin')")
public class DemoDataController {

    private final DemoData demoData;

    public DemoDataController(DemoData demoData) {
        this.demoData = demoData;
    }

    @Operation(summary = "Generate demo data of a size (demo, 10k, 100k, 1m order lines)"
            + " on an installation without dealers or orders")
    @PostMapping("/api/demo-data")
    @ResponseStatus(HttpStatus.CREATED)
    public DemoData.Generated generate(@RequestParam String size) throws SQLException {
        DemoSize named;
        try {
            named = DemoSize.named(size);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("request.invalid", e.getMessage());
        }
        DemoData.Generated generated = demoData.generateIfEmpty(named);
        if (generated == null) {
            throw ApiException.conflict("demo.not_empty", "The " + DemoData.APP
                    + " app already has dealers or orders: demo data fills an empty installation only");
        }
        return generated;
    }
}
