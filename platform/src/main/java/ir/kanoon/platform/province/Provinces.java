package ir.kanoon.platform.province;

import ir.kanoon.platform.persian.PersianText;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The province reference list (R1, Art. 1 and 6: one Association per province), loaded once from
 * {@code reference/provinces.csv} (a copy of {@code shared/domain/provinces.csv}).
 */
public final class Provinces {

    private static final Map<String, Province> BY_CODE = load();

    private Provinces() {
    }

    public static List<Province> all() {
        return List.copyOf(BY_CODE.values());
    }

    public static Optional<Province> byCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(BY_CODE.get(code.strip().toUpperCase()));
    }

    public static boolean exists(String code) {
        return byCode(code).isPresent();
    }

    private static Map<String, Province> load() {
        try (InputStream in = Provinces.class.getResourceAsStream("/reference/provinces.csv")) {
            if (in == null) {
                throw new IllegalStateException("reference/provinces.csv is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, Province> map = new LinkedHashMap<>();
            List<String> lines = new ArrayList<>(reader.lines().toList());
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", 3);
                map.put(f[0].strip(), new Province(f[0].strip(), f[1].strip(), PersianText.canonical(f[2])));
            }
            return Collections.unmodifiableMap(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
