package ir.kanoon.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Every {@link ConstraintProblems} bean of the service, merged; a name declared twice differently is a startup bug. */
@ApplicationScoped
public class ConstraintRegistry {

    @Inject
    Instance<ConstraintProblems> declarations;

    private volatile Map<String, ConstraintProblem> byName;

    public Optional<ConstraintProblem> find(String constraint) {
        if (constraint == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(all().get(constraint));
    }

    Map<String, ConstraintProblem> all() {
        Map<String, ConstraintProblem> map = byName;
        if (map == null) {
            map = new HashMap<>();
            for (ConstraintProblems declaration : declarations) {
                for (Map.Entry<String, ConstraintProblem> e : declaration.byConstraint().entrySet()) {
                    ConstraintProblem before = map.putIfAbsent(e.getKey(), e.getValue());
                    if (before != null && !before.equals(e.getValue())) {
                        throw new IllegalStateException("constraint " + e.getKey() + " is declared twice");
                    }
                }
            }
            byName = map = Map.copyOf(map);
        }
        return map;
    }
}
