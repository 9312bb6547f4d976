package io.mosaic.runtime.form;

import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.mosaic.form.formula.Expression;
import io.mosaic.form.formula.Formula;
import io.mosaic.form.formula.FormulaException;
import io.mosaic.runtime.web.ApiError;
import io.mosaic.runtime.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Checks a formula as the form designer types it, so an analyst sees the mistake before saving the form. */
@Tag(name = "Formulas", description = "Check formulas for the form designer")
@RestController
@PreAuthorize("hasAnyRole('admin','analyst')")
public class FormulaController {

    private static final String POINTER = "/expression";

    /**
     * @param fields the keys of the form's fields, when the designer wants the names checked too; a reference is
     *               known when its first part ({@code lines} of {@code lines.amount}) is one of them
     */
    public record Check(@NotNull String expression, List<String> fields) {
    }

    /** @param references the paths the formula reads, in order of first use */
    public record Checked(boolean ok, Set<String> references) {
    }

    @Operation(summary = "Parse a formula: 200 {ok, references}, or 422 formula.invalid with the problem's code "
            + "and zero-based position in the expression")
    @PostMapping("/api/formulas/check")
    Checked check(@Valid @RequestBody Check check) {
        Expression parsed;
        try {
            parsed = Formula.parse(check.expression());
        } catch (FormulaException e) {
            throw invalid(e.detail(), List.of(new ApiError.Problem(POINTER, e.detail(), e.code().key(), e.position())));
        }
        if (check.fields() != null) {
            List<ApiError.Problem> unknown = parsed.references().stream()
                    .filter(path -> !check.fields().contains(path.split("\\.", 2)[0]))
                    .map(path -> new ApiError.Problem(POINTER, "'" + path + "' is not a field of this form",
                            FormulaException.Code.UNKNOWN_REFERENCE.key(), null))
                    .toList();
            if (!unknown.isEmpty()) {
                throw invalid("The formula reads fields the form does not have", unknown);
            }
        }
        return new Checked(true, parsed.references());
    }

    private static ApiException invalid(String message, List<ApiError.Problem> problems) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "formula.invalid", message, problems);
    }
}
