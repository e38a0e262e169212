package ir.kanoon.networking.support;

import io.restassured.response.ValidatableResponse;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** The REST steps tests repeat: JSON in English, If-Match taken from a fresh GET. */
public final class Api {

    private Api() {
    }

    public static ValidatableResponse get(String token, String path) {
        return given().auth().oauth2(token).header("Accept-Language", "en").get(path).then();
    }

    public static ValidatableResponse post(String token, String path, Object body) {
        var req = given().auth().oauth2(token).header("Accept-Language", "en").contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString());
        if (body != null) {
            req = req.body(body);
        }
        return req.post(path).then().log().ifValidationFails();
    }

    /** A state change with the current ETag of {@code resource} (read with {@code readerToken}). */
    public static ValidatableResponse act(String token, String resource, String action, Object body) {
        return act(token, token, resource, action, body);
    }

    public static ValidatableResponse act(String readerToken, String token, String resource, String action, Object body) {
        String etag = given().auth().oauth2(readerToken).get(resource).then().statusCode(200).extract().header("ETag");
        var req = given().auth().oauth2(token).header("Accept-Language", "en").contentType("application/json")
                .header("If-Match", etag);
        if (body != null) {
            req = req.body(body);
        }
        return req.post(resource + "/" + action).then();
    }
}
