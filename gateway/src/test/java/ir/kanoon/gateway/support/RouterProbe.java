package ir.kanoon.gateway.support;

import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Objects;

/**
 * The gateway's public router as Quarkus built it, so a test can list every route the gateway answers itself
 * (not the management port's) instead of trusting a hand-written list to stay complete.
 */
@Singleton
public class RouterProbe {

    private volatile Router router;

    void capture(@Observes Router router) {
        this.router = router;
    }

    /** The path of every route registered with one (prefix routes end with '/'; parameters as ':name'). */
    public List<String> paths() {
        return Objects.requireNonNull(router, "the Router event was not observed").getRoutes().stream()
                .map(Route::getPath).filter(Objects::nonNull).distinct().sorted().toList();
    }
}
