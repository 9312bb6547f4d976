package io.mosaic.runtime.security.user;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The people a signed-in user may pick in a user field: names only. The admin API ({@code /api/users}) shows
 * e-mail, roles and dealer bindings, which a picker has no business revealing.
 */
@Tag(name = "Directory", description = "Names of the enabled users, for user pickers")
@RestController
@RequestMapping("/api/directory/users")
@PreAuthorize("isAuthenticated()")
public class DirectoryController {

    private final UserService users;

    DirectoryController(UserService users) {
        this.users = users;
    }

    public record Person(long id, String username, String displayName) {

        static Person of(User user) {
            return new Person(user.id(), user.username(), user.displayName());
        }
    }

    @Operation(summary = "Enabled users whose username or display name contains q, by username (size 1..200)")
    @GetMapping
    List<Person> people(@RequestParam(required = false) String q, @RequestParam(defaultValue = "50") int size) {
        return users.list(q, 0, size).items().stream().filter(User::enabled).map(Person::of).toList();
    }

    @Operation(summary = "One user's name, enabled or not (a record may name someone who has since left); else 404")
    @GetMapping("/{id}")
    Person person(@PathVariable long id) {
        return Person.of(users.get(id));
    }
}
