package io.mosaic.report.run;

import io.mosaic.form.model.FormModel;
import io.mosaic.form.store.RowFilter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The shop and sale forms under {@code run/} as published forms, and requests over the takings dataset. */
final class RunFixtures {

    static final LocalDate TODAY = LocalDate.of(2026, 5, 20);
    private static final Map<String, FormModel> FORMS = Map.of(
            "shop", FormModel.read("shop", read("shop.form.json")),
            "sale", FormModel.read("sale", read("sale.form.json")));
    static final FormModels PUBLISHED = key -> Optional.ofNullable(FORMS.get(key));

    private RunFixtures() {
    }

    static String read(String name) {
        try (InputStream in = RunFixtures.class.getResourceAsStream("/run/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CompiledDataset takings(SqlDialect dialect) {
        return new ReportEngine(dialect).compile("demo", read("takings.dataset.json"), PUBLISHED);
    }

    static QueryRequest request(List<String> dimensions, List<String> measures, QueryFilter... filters) {
        return new QueryRequest(dimensions, measures, List.of(filters), RowFilter.ALL, Set.of(), TODAY, 100);
    }
}
