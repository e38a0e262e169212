import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Mints N distinct RS256 bearer tokens (subjects PREFIX-1..N) signed with the suite's own key, one per line:
 *
 * <pre>  java bench/tools/Tokens.java key.pem ISSUER PREFIX N '["ministry-analyst"]' ['"province":"IR-07"']</pre>
 *
 * One JVM instead of several openssl processes per token (hundreds of tokens took minutes on a loaded machine).
 */
public class Tokens {
    public static void main(String[] a) throws Exception {
        String pem = Files.readString(Path.of(a[0])).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        String issuer = a[1], prefix = a[2], roles = a[4], extra = a.length > 5 && !a[5].isEmpty() ? "," + a[5] : "";
        int n = Integer.parseInt(a[3]);
        long now = System.currentTimeMillis() / 1000;
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench\"}".getBytes(StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        Signature rsa = Signature.getInstance("SHA256withRSA");
        for (int i = 1; i <= n; i++) {
            String sub = prefix + "-" + i;
            String payload = b64.encodeToString(String.format(
                    "{\"iss\":\"%s\",\"aud\":\"kanoon-api\",\"sub\":\"%s\",\"preferred_username\":\"%s\",\"iat\":%d,\"exp\":%d,\"realm_access\":{\"roles\":%s}%s}",
                    issuer, sub, sub, now, now + 7200, roles, extra).getBytes(StandardCharsets.UTF_8));
            rsa.initSign(key);
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            out.append(header).append('.').append(payload).append('.').append(b64.encodeToString(rsa.sign())).append('\n');
        }
        System.out.print(out);
    }
}
