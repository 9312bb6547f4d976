package io.mosaic.runtime.security.user;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** User administration (role admin, see SecurityConfig). */
@RestController
@RequestMapping("/api/users")
public class UserController {

    private final UserService users;
    private final PasswordLinks passwordLinks;

    public UserController(UserService users, PasswordLinks passwordLinks) {
        this.users = users;
        this.passwordLinks = passwordLinks;
    }

    @GetMapping
    UserPage list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                  @RequestParam(defaultValue = "50") int size) {
        return users.list(q, page, size);
    }

    @GetMapping("/{id}")
    User get(@PathVariable long id) {
        return users.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    User create(@RequestBody UserRequest request) {
        return users.create(request);
    }

    @PutMapping("/{id}")
    User update(@PathVariable long id, @RequestBody UserRequest request) {
        return users.update(id, request);
    }

    /** E-mails the user a one-time link to set a new password, e.g. when the one an account was opened with expired. */
    @PostMapping("/{id}/password-link")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void sendPasswordLink(@PathVariable long id) {
        passwordLinks.send(users.get(id));
    }
}
