package io.mosaic.api.app;

import io.mosaic.api.definition.InvalidDefinitionException;
import io.mosaic.api.security.FieldAccess;
import io.mosaic.api.security.FormAction;
import io.mosaic.api.security.RowScope;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static io.mosaic.api.app.AppManifestKindTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppManifestTest {

    @Test
    void readsRolesGrantsMenusAndDefinitions() {
        AppManifest app = AppManifest.read(fixture("complete.app.json"));

        assertThat(app.key()).isEqualTo("crm");
        assertThat(app.name().in("zh-CN")).isEqualTo("客户管理");
        assertThat(app.version()).isEqualTo(Semver.parse("1.2.0-rc.1"));
        assertThat(app.platform().satisfiedBy(Semver.parse("0.1.0"))).isTrue();
        assertThat(app.icon()).isEqualTo("users");

        AppManifest.Grant salesGrant = app.rolesByKey().get("sales").grants().get(0);
        assertThat(salesGrant.actions()).isEqualTo(Set.of(FormAction.CREATE, FormAction.READ, FormAction.UPDATE));
        assertThat(salesGrant.rowScope()).isEqualTo(RowScope.OWN);
        assertThat(salesGrant.fields())
                .isEqualTo(Map.of("credit_limit", FieldAccess.READ_ONLY, "margin", FieldAccess.HIDDEN));
        assertThat(app.rolesByKey().get("manager").grants().get(0).coversAllForms()).isTrue();

        AppManifest.Menu analysis = app.menus().get(1);
        assertThat(analysis.target()).isNull();
        assertThat(analysis.children()).singleElement().satisfies(overview -> {
            assertThat(overview.target()).isEqualTo(new AppManifest.DefinitionRef("dashboard", "overview"));
            assertThat(overview.roles()).containsExactly("manager");
        });
        assertThat(app.lists("form", "customer")).isTrue();
        assertThat(app.lists("report", "customer")).isFalse();
    }

    @Test
    void refusesInvalidManifestWithItsProblems() {
        assertThatThrownBy(() -> AppManifest.read(fixture("grant-form-not-listed.app.json")))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e ->
                        assertThat(e.problems()).extracting(p -> p.pointer())
                                .containsExactly("/roles/0/grants/0/form"))
                .hasMessageContaining("The form 'contact' is not listed in definitions");
    }

    @Test
    void refusesUnparseableManifest() {
        assertThatThrownBy(() -> AppManifest.read("{not json"))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("Not valid JSON at line 1");
    }
}
