package io.mosaic.runtime.pack;

import java.util.List;

import org.springframework.http.HttpStatus;

import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.runtime.web.ApiError;
import io.mosaic.runtime.web.ApiException;

/** A pack that cannot be installed as it is: 422 {@code pack.invalid}, each problem naming the file (and place in it). */
public class PackRejectedException extends ApiException {

    public PackRejectedException(String message, List<DefinitionProblem> problems) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "pack.invalid", message,
                problems.stream().map(p -> new ApiError.Problem(p.pointer(), p.message())).toList());
    }
}
