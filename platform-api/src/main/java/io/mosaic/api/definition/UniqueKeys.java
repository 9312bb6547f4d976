package io.mosaic.api.definition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Keys that must not repeat within one scope of a definition (fields of a form, roles of an app, …). */
public final class UniqueKeys {

    private final String what;
    private final List<DefinitionProblem> problems;
    private final Map<String, String> firstUse = new HashMap<>();

    /**
     * @param what     what the keys name, for messages: {@code "field"}, {@code "role"}
     * @param problems where a repeated key is reported
     */
    public UniqueKeys(String what, List<DefinitionProblem> problems) {
        this.what = what;
        this.problems = problems;
    }

    /**
     * Records {@code key} as used at {@code pointer}; reports it there when it was used before.
     *
     * @return whether the key was new
     */
    public boolean add(String key, String pointer) {
        String previous = firstUse.putIfAbsent(key, pointer);
        if (previous != null) {
            problems.add(DefinitionProblem.at(pointer, "The " + what + " key '" + key + "' is already used at " + previous));
        }
        return previous == null;
    }

    public boolean contains(String key) {
        return firstUse.containsKey(key);
    }
}
