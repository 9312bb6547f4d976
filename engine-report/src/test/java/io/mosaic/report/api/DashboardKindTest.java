package io.mosaic.report.api;

import io.mosaic.api.definition.DefinitionKinds;
import io.mosaic.api.definition.DefinitionProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardKindTest {

    private final DashboardKind kind = new DashboardKind();

    @Test
    void acceptsWidgetsTilingTheGrid() {
        assertThat(kind.validate("director", Fixtures.read("dashboard/director.dashboard.json"))).isEmpty();
    }

    @ParameterizedTest(name = "{0} is refused at {1}")
    @CsvSource({
            "overlapping-widgets.dashboard.json, /widgets/3",
            "widget-past-grid.dashboard.json, /widgets/1/w",
            "duplicate-widget-key.dashboard.json, /widgets/3/key",
            "widget-with-unknown-filter.dashboard.json, /widgets/0/filters/1",
            "widget-without-height.dashboard.json, /widgets/2/h",
            "widget-x-outside-grid.dashboard.json, /widgets/0/x",
            "select-filter-without-field.dashboard.json, /filters/2/field",
            "no-widgets.dashboard.json, /widgets",
    })
    void refusesInvalidDashboardAtPointer(String fixture, String pointer) {
        List<DefinitionProblem> problems = kind.validate("director", Fixtures.read("dashboard/" + fixture));

        assertThat(problems).isNotEmpty();
        assertThat(problems).extracting(DefinitionProblem::pointer).containsOnly(pointer);
    }

    @Test
    void namesTheWidgetAnOverlapHits() {
        assertThat(kind.validate("director", Fixtures.read("dashboard/overlapping-widgets.dashboard.json")))
                .containsExactly(DefinitionProblem.at("/widgets/3",
                        "The widget 'mix' overlaps the widget 'ranking' at /widgets/2"));
    }

    @Test
    void registersDatasetReportAndDashboardKinds() {
        DefinitionKinds kinds = DefinitionKinds.load();

        assertThat(kinds.forFileName("sales.dataset.json")).containsInstanceOf(DatasetKind.class);
        assertThat(kinds.forFileName("ranking.report.json")).containsInstanceOf(ReportKind.class);
        assertThat(kinds.forFileName("director.dashboard.json")).containsInstanceOf(DashboardKind.class);
    }
}
