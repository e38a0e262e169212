import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;

/**
 * Benchmark upstream that behaves like a service doing real work: every request is answered after a
 * fixed service time (a timer, not a sleeping thread, so the stub itself costs almost no CPU), with
 * the same small JSON body as the nginx upstream. Run from bench/gateway/run.sh:
 *   java -cp "gateway/target/quarkus-app/lib/main/*" bench/gateway/ServiceStub.java PORT MILLIS
 */
public class ServiceStub {
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        long millis = Long.parseLong(args[1]);
        Buffer body = Buffer.buffer("{\"items\":[{\"code\":\"IR-07\",\"name\":\"Tehran\"},{\"code\":\"IR-04\",\"name\":\"Isfahan\"}],\"nextCursor\":null}");
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        vertx.createHttpServer().requestHandler(request -> request.endHandler(v ->
                vertx.setTimer(millis, t -> request.response().putHeader("Content-Type", "application/json").end(body))))
            .listen(port, "127.0.0.1")
            .onSuccess(server -> System.out.println("service stub on " + port + ", " + millis + " ms per request"))
            .onFailure(failure -> { failure.printStackTrace(); System.exit(1); });
    }
}
