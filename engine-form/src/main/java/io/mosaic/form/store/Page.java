package io.mosaic.form.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** Records of one page; {@code nextCursor} is null exactly when {@code hasMore} is false. */
public record Page(List<ObjectNode> records, boolean hasMore, String nextCursor) {

    public Page {
        records = List.copyOf(records);
    }
}
