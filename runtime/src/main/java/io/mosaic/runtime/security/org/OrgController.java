package io.mosaic.runtime.security.org;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The org tree. Reading is open to every signed-in user (org pickers); changes need role admin (see SecurityConfig). */
@RestController
@RequestMapping("/api/orgs")
public class OrgController {

    private final OrgService orgs;

    public OrgController(OrgService orgs) {
        this.orgs = orgs;
    }

    @GetMapping
    List<OrgUnit> list() {
        return orgs.list();
    }

    @GetMapping("/{id}")
    OrgUnit get(@PathVariable long id) {
        return orgs.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    OrgUnit create(@RequestBody OrgUnitRequest request) {
        return orgs.create(request);
    }

    @PutMapping("/{id}")
    OrgUnit update(@PathVariable long id, @RequestBody OrgUnitRequest request) {
        return orgs.update(id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        orgs.delete(id);
    }
}
