package io.triage.testsupport.fuzz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A POST, PUT or PATCH route of the service, as its controller declares it.
 *
 * @param method   the HTTP method
 * @param path     the path template, e.g. {@code /webhooks/{source}}
 * @param consumes the media types the route declares (empty: JSON, Spring's default for a body)
 */
public record FuzzEndpoint(String method, String path, List<String> consumes) {

    private static final Set<RequestMethod> WRITES = Set.of(RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH);
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    /** Every write route in the service's handler mapping, so that a new endpoint is fuzzed without a change here. */
    public static List<FuzzEndpoint> of(RequestMappingHandlerMapping mapping) {
        List<FuzzEndpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            List<String> consumes = info.getConsumesCondition().getConsumableMediaTypes().stream()
                    .map(MediaType::toString).sorted().toList();
            for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                if (!WRITES.contains(method)) {
                    continue;
                }
                for (String path : info.getPatternValues()) {
                    endpoints.add(new FuzzEndpoint(method.name(), path, consumes));
                }
            }
        }
        endpoints.sort(Comparator.comparing(FuzzEndpoint::path).thenComparing(FuzzEndpoint::method));
        return endpoints;
    }

    /** {@code METHOD /path/{template}}: the key of the endpoint's example body and of its report row. */
    public String key() {
        return method + " " + path;
    }

    /** Whether the route reads YAML (it declares a YAML media type). */
    public boolean yaml() {
        return consumes.stream().anyMatch(type -> type.toLowerCase(Locale.ROOT).contains("yaml"));
    }

    /** The content type of a well-formed body: the first declared type, JSON when none is declared. */
    public String contentType() {
        if (yaml()) {
            return "application/yaml";
        }
        return consumes.stream().filter(type -> type.contains("json")).findFirst()
                .orElse(consumes.isEmpty() ? MediaType.APPLICATION_JSON_VALUE : consumes.getFirst());
    }

    /**
     * The path with its variables replaced, once per combination of their {@code values} ({@code fuzz} for a
     * variable without values): {@code /webhooks/{source}} becomes one path per source.
     */
    public List<String> resolve(Map<String, List<String>> values) {
        List<String> paths = List.of(path);
        Matcher matcher = VARIABLE.matcher(path);
        while (matcher.find()) {
            String variable = matcher.group();
            List<String> options = values.getOrDefault(matcher.group(1), List.of("fuzz"));
            paths = paths.stream().flatMap(p -> options.stream().map(o -> p.replace(variable, o))).toList();
        }
        return paths;
    }
}
