package io.mosaic.runtime.security.user;

import java.util.List;

/** One page of users and how many match in all. */
public record UserPage(List<User> items, long total) {
}
