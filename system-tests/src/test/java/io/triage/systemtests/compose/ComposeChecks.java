package io.triage.systemtests.compose;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What docker-compose.yml must keep true, checked against the services' own configuration because no compose engine
 * runs here (issue 20 part 6): every service module of the reactor is a compose service built from that module,
 * publishing its {@code server.port} as itself, with a readiness health check, waiting for a healthy Postgres when it
 * has migrations (and for Redis when it uses it), given only environment variables its configuration reads
 * ({@link EnvironmentNames}) and URLs of the other services at their real ports; Prometheus scrapes every service at
 * its port with a key every service accepts with role OPS, loads grafana/alerts and sends to Alertmanager; Grafana is
 * provisioned from grafana/; Qdrant stays behind the {@code qdrant} profile with embedding-service's settings naming
 * it. {@link ComposeFile#violations} lists what is broken.
 */
final class ComposeChecks {

    static final String PROMETHEUS_CONFIG = "/etc/prometheus/prometheus.yml";
    private static final Pattern SERVICE_URL = Pattern.compile("https?://([a-z0-9-]+):([0-9]+)(/.*)?");
    private static final Pattern KEY_ENV = Pattern.compile("TRIAGE_PLATFORM_SECURITY_API_KEYS_([0-9]+)_KEY_SHA256");

    private ComposeChecks() {
    }

    static List<String> services(ComposeFile compose, List<ServiceModule> modules, Path root) {
        List<String> found = new ArrayList<>();
        for (ServiceModule module : modules) {
            String name = module.name();
            if (!compose.services().containsKey(name)) {
                found.add(name + ": no compose service");
                continue;
            }
            Map<String, Object> service = compose.service(name);
            if (!name.equals(Yamls.at(service, "build.args.SERVICE"))) {
                found.add(name + ": not built from its module (build.args.SERVICE " + name + ")");
            }
            String port = String.valueOf(module.port());
            if (!compose.ports(name).contains(port + ":" + port)) {
                found.add(name + ": publishes " + compose.ports(name) + " but its server.port is " + port);
            }
            String health = String.join(" ", Yamls.list(Yamls.map(service, "healthcheck"), "test").stream()
                    .map(Object::toString).toList());
            if (!health.contains("http://127.0.0.1:" + port + "/actuator/health/readiness")) {
                found.add(name + ": no health check on http://127.0.0.1:" + port + "/actuator/health/readiness");
            }
            found.addAll(backingServices(compose, module));
            found.addAll(environment(compose, module, EnvironmentNames.of(module, root)));
        }
        return found;
    }

    private static List<String> backingServices(ComposeFile compose, ServiceModule module) {
        List<String> found = new ArrayList<>();
        String name = module.name();
        Map<String, String> env = compose.environment(name);
        if (module.usesDatabase()) {
            if (!compose.waitsHealthy(name, "postgres")) {
                found.add(name + ": does not wait for postgres to be healthy (depends_on condition service_healthy)");
            }
            if (!env.getOrDefault("SPRING_DATASOURCE_URL", "").startsWith("jdbc:postgresql://postgres:5432/")) {
                found.add(name + ": SPRING_DATASOURCE_URL does not name the postgres service");
            }
        }
        if (module.usesRedis()) {
            if (!compose.waitsHealthy(name, "redis")) {
                found.add(name + ": does not wait for redis to be healthy (depends_on condition service_healthy)");
            }
            if (!"redis".equals(env.get("SPRING_DATA_REDIS_HOST"))) {
                found.add(name + ": SPRING_DATA_REDIS_HOST does not name the redis service");
            }
        }
        return found;
    }

    private static List<String> environment(ComposeFile compose, ServiceModule module, EnvironmentNames names) {
        List<String> found = new ArrayList<>();
        compose.environment(module.name()).forEach((variable, value) -> {
            if (!names.understands(variable)) {
                found.add(module.name() + ": environment variable " + variable
                        + " names no property of its configuration");
            }
        });
        return found;
    }

    /**
     * URLs of other services, in any service's environment or command-line options ({@code --x=http://host:port}),
     * name a compose service, and a service module at its {@code server.port}.
     */
    static List<String> serviceUrls(ComposeFile compose, List<ServiceModule> modules) {
        List<String> found = new ArrayList<>();
        for (String name : compose.services().keySet()) {
            Map<String, String> settings = new LinkedHashMap<>(compose.environment(name));
            for (Object option : Yamls.list(compose.service(name), "command")) {
                String[] pair = option.toString().split("=", 2);
                if (pair.length == 2) {
                    settings.put(pair[0], pair[1]);
                }
            }
            settings.forEach((setting, value) -> {
                Matcher url = SERVICE_URL.matcher(value);
                if (!url.matches()) {
                    return;
                }
                modules.stream().filter(other -> other.name().equals(url.group(1))).findFirst()
                        .filter(other -> other.port() != Integer.parseInt(url.group(2)))
                        .ifPresent(other -> found.add(name + ": " + setting + " points at " + value + " but "
                                + other.name() + " listens on " + other.port()));
                if (!compose.services().containsKey(url.group(1))) {
                    found.add(name + ": " + setting + " points at " + value + ", which is no compose service");
                }
            });
        }
        return found;
    }

    /** Prometheus scrapes every service at its port with a key each accepts for OPS, evaluates the alerts. */
    static List<String> prometheus(ComposeFile compose, List<ServiceModule> modules) {
        List<String> found = new ArrayList<>();
        Path configFile = compose.mountSource("prometheus", PROMETHEUS_CONFIG);
        if (configFile == null || !Files.isRegularFile(configFile)) {
            return List.of("prometheus: no configuration mounted at " + PROMETHEUS_CONFIG);
        }
        Map<String, Object> config = ComposeFile.yaml(configFile);
        List<Object> scrapes = Yamls.list(config, "scrape_configs");
        Map<String, Object> triage = scrapes.stream().map(Yamls::asMap)
                .filter(scrape -> "/actuator/prometheus".equals(scrape.get("metrics_path"))).findFirst()
                .orElse(Map.of());
        if (triage.isEmpty()) {
            return List.of("prometheus: no scrape job on /actuator/prometheus");
        }
        List<Object> targets = Yamls.list(triage, "static_configs");
        for (ServiceModule module : modules) {
            String target = module.name() + ":" + module.port();
            boolean scraped = targets.stream().anyMatch(group -> Yamls.list(group, "targets").contains(target)
                    && module.name().equals(Yamls.string(Yamls.map(group, "labels"), "application")));
            if (!scraped) {
                found.add("prometheus: no scrape target " + target + " labelled application=" + module.name());
            }
        }
        Map<String, Object> authorization = Yamls.map(triage, "authorization");
        Path keyFile = compose.mountSource("prometheus", Yamls.string(authorization, "credentials_file"));
        if (!"Bearer".equals(authorization.get("type")) || keyFile == null || !Files.isRegularFile(keyFile)) {
            found.add("prometheus: no bearer key from a file mounted from the repository");
        } else {
            String digest = sha256(ServiceModule.read(keyFile).strip());
            // A service missing from the file is reported once, above.
            modules.stream().filter(module -> compose.services().containsKey(module.name()))
                    .filter(module -> !acceptsForOps(compose.environment(module.name()), digest))
                    .forEach(module -> found.add("prometheus: its key is not accepted with role OPS by "
                            + module.name()));
        }
        found.addAll(rulesAndAlertmanager(compose, config));
        return found;
    }

    private static List<String> rulesAndAlertmanager(ComposeFile compose, Map<String, Object> config) {
        List<String> found = new ArrayList<>();
        List<Object> ruleFiles = Yamls.list(config, "rule_files");
        boolean alerts = ruleFiles.stream().map(Object::toString).map(pattern -> pattern
                .substring(0, pattern.lastIndexOf('/'))).map(dir -> compose.mountSource("prometheus", dir))
                .anyMatch(dir -> dir != null && Files.isRegularFile(dir.resolve("triage-alerts.yml")));
        if (!alerts) {
            found.add("prometheus: rule_files do not load grafana/alerts/triage-alerts.yml");
        }
        List<Object> alertmanagers = Yamls.list(Yamls.map(config, "alerting"), "alertmanagers");
        boolean routed = alertmanagers.stream().flatMap(a -> Yamls.list(a, "static_configs").stream())
                .flatMap(s -> Yamls.list(s, "targets").stream()).anyMatch(t -> t.toString().equals("alertmanager:9093"));
        if (!routed || !compose.services().containsKey("alertmanager")) {
            found.add("prometheus: does not send alerts to the alertmanager service (alertmanager:9093)");
        }
        Path routes = compose.mountSource("alertmanager", "/etc/alertmanager/alertmanager.yml");
        if (routes == null || !Files.isRegularFile(routes)) {
            found.add("alertmanager: grafana/alertmanager/alertmanager.yml not mounted");
        } else {
            Yamls.flatten(ComposeFile.yaml(routes)).forEach((key, value) -> {
                if (key.endsWith("_file")) {
                    Path secret = compose.mountSource("alertmanager", value.toString());
                    if (secret == null || !Files.isRegularFile(secret)) {
                        found.add("alertmanager: " + key + " " + value + " is not mounted from a file");
                    }
                }
            });
        }
        return found;
    }

    /** Grafana provisioned from grafana/provisioning, the dashboards where the provider reads them. */
    static List<String> grafana(ComposeFile compose) {
        List<String> found = new ArrayList<>();
        Path provisioning = compose.mountSource("grafana", "/etc/grafana/provisioning");
        if (provisioning == null || !Files.isDirectory(provisioning.resolve("dashboards"))
                || !Files.isDirectory(provisioning.resolve("datasources"))) {
            return List.of("grafana: grafana/provisioning (dashboards, datasources) not mounted at "
                    + "/etc/grafana/provisioning");
        }
        Path providers = provisioning.resolve("dashboards/triage.yml");
        for (Object provider : Yamls.list(ComposeFile.yaml(providers), "providers")) {
            String path = Yamls.string(Yamls.map(provider, "options"), "path");
            Path dashboards = compose.mountSource("grafana", path);
            if (dashboards == null || !Files.isRegularFile(dashboards.resolve("triage-api.json"))) {
                found.add("grafana: the dashboards provider reads " + path + ", where grafana/dashboards is not mounted");
            }
        }
        String prometheusUrl = compose.environment("grafana").getOrDefault("PROMETHEUS_URL", "");
        if (!prometheusUrl.equals("http://prometheus:9090")) {
            found.add("grafana: PROMETHEUS_URL is '" + prometheusUrl + "', not the prometheus service");
        }
        return found;
    }

    /** Qdrant only under its profile, and embedding-service's qdrant settings naming it. */
    static List<String> qdrant(ComposeFile compose) {
        List<String> found = new ArrayList<>();
        if (!compose.services().containsKey("qdrant")) {
            return List.of("qdrant: no compose service");
        }
        if (!Yamls.list(compose.service("qdrant"), "profiles").contains("qdrant")) {
            found.add("qdrant: not under the profile qdrant");
        }
        Map<String, String> env = compose.environment("embedding-service");
        if (!"qdrant".equals(env.get("TRIAGE_EMBEDDING_QDRANT_HOST"))) {
            found.add("embedding-service: TRIAGE_EMBEDDING_QDRANT_HOST does not name the qdrant service");
        }
        String grpc = env.getOrDefault("TRIAGE_EMBEDDING_QDRANT_PORT", "6334");
        if (!"6334".equals(grpc)) {
            found.add("embedding-service: TRIAGE_EMBEDDING_QDRANT_PORT " + grpc + " is not qdrant's gRPC port 6334");
        }
        if (!env.getOrDefault("TRIAGE_EMBEDDING_STORE", "").contains("TRIAGE_EMBEDDING_STORE")) {
            found.add("embedding-service: TRIAGE_EMBEDDING_STORE cannot be switched to qdrant from the environment");
        }
        Map<String, Object> dependency = Yamls.map(Yamls.map(compose.service("embedding-service"), "depends_on"),
                "qdrant");
        if (!Boolean.FALSE.equals(dependency.get("required"))) {
            found.add("embedding-service: depends on qdrant without required: false (fails without the profile)");
        }
        return found;
    }

    /** Bind mounts name files and directories of the repository. */
    static List<String> bindMounts(ComposeFile compose) {
        List<String> found = new ArrayList<>();
        compose.services().keySet().forEach(name -> compose.bindMounts(name).forEach((target, source) -> {
            if (!Files.exists(source)) {
                found.add(name + ": mounts " + source + " at " + target + ", which does not exist");
            }
        }));
        return found;
    }

    private static boolean acceptsForOps(Map<String, String> env, String digest) {
        return env.entrySet().stream().anyMatch(entry -> {
            Matcher key = KEY_ENV.matcher(entry.getKey());
            return key.matches() && entry.getValue().equalsIgnoreCase(digest) && List.of(env
                    .getOrDefault("TRIAGE_PLATFORM_SECURITY_API_KEYS_" + key.group(1) + "_ROLES", "").split(","))
                    .stream().map(String::strip).anyMatch(role -> role.equals("OPS") || role.equals("ADMIN"));
        });
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
