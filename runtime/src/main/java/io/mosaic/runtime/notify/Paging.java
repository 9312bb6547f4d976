package io.mosaic.runtime.notify;

import io.mosaic.runtime.web.ApiException;

final class Paging {

    static final int MAX_SIZE = 200;

    private Paging() {
    }

    static void check(int page, int size) {
        if (page < 0) {
            throw ApiException.badRequest("request.invalid", "page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.badRequest("request.invalid", "size must be between 1 and " + MAX_SIZE);
        }
    }
}
