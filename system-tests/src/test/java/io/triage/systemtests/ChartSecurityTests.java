package io.triage.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.triage.systemtests.chart.HelmChart;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Helm chart as rendered by helm itself (helm-java): every pod runs hardened (non-root, read-only root
 * filesystem with emptyDirs for the writable paths, no privilege escalation, no capabilities, seccomp
 * RuntimeDefault), talks to Postgres with verified TLS, and may reach only what the egress NetworkPolicy allows;
 * the public ingress routes only the ticketing systems' calls, the administrative APIs an opt-in, restricted one;
 * each service reads only its own Secret (its outbound key, its database role's password) and accepts API keys as
 * SHA-256 digests only, those of its callers.
 */
class ChartSecurityTests {

    private static final Path CHART = Path.of("..", "helm", "triage");

    @Test
    void everyDeploymentAndMigrationJobRunsHardened() {
        List<Map<String, Object>> workloads = render(t -> t).stream()
                .filter(doc -> List.of("Deployment", "Job").contains(doc.get("kind"))).toList();
        assertThat(workloads).hasSize(13); // six services, each a Deployment and a migration Job, and the console
        for (Map<String, Object> workload : workloads) {
            String name = workload.get("kind") + " " + map(workload, "metadata").get("name");
            Map<String, Object> pod = map(map(map(workload, "spec"), "template"), "spec");
            Map<String, Object> podContext = map(pod, "securityContext");
            assertThat(podContext).as(name).containsEntry("runAsNonRoot", true);
            assertThat(map(podContext, "seccompProfile")).as(name).containsEntry("type", "RuntimeDefault");
            List<String> emptyDirs = list(pod, "volumes").stream().filter(v -> v.containsKey("emptyDir"))
                    .map(v -> (String) v.get("name")).toList();
            List<Map<String, Object>> containers = new ArrayList<>(list(pod, "containers"));
            containers.addAll(list(pod, "initContainers"));
            for (Map<String, Object> container : containers) {
                Map<String, Object> context = map(container, "securityContext");
                assertThat(context).as(name).containsEntry("runAsNonRoot", true)
                        .containsEntry("readOnlyRootFilesystem", true)
                        .containsEntry("allowPrivilegeEscalation", false);
                assertThat(map(context, "seccompProfile")).as(name).containsEntry("type", "RuntimeDefault");
                List<Object> dropped = new ArrayList<>((List<?>) map(context, "capabilities").get("drop"));
                assertThat(dropped).as(name).containsExactly("ALL");
                assertThat(list(container, "volumeMounts"))
                        .as(name + ": /tmp and the working directory are writable emptyDirs")
                        .filteredOn(m -> emptyDirs.contains(m.get("name")))
                        .extracting(m -> m.get("mountPath")).contains("/tmp", "/var/lib/triage");
                if (name.equals("Deployment console")) {
                    assertThat(envNames(container)).as("the console has no database")
                            .noneSatisfy(env -> assertThat(env).startsWith("SPRING_DATASOURCE"));
                    continue;
                }
                String url = env(container, "SPRING_DATASOURCE_URL");
                assertThat(url).as(name).contains("sslmode=verify-full").contains("sslrootcert=/etc/triage/db-ca/");
                assertThat(list(container, "volumeMounts")).as(name + ": the database CA is mounted")
                        .extracting(m -> m.get("mountPath")).contains("/etc/triage/db-ca");
            }
        }
    }

    @Test
    void egressIsLimitedToDnsTheServicesTheStoresAndConfiguredCidrs() {
        List<Map<String, Object>> policies = render(t -> t
                .set("networkPolicy.egress.extra[0].cidr", "20.190.128.0/18")
                .set("networkPolicy.egress.extra[0].ports[0]", "443")).stream()
                .filter(doc -> "NetworkPolicy".equals(doc.get("kind")))
                .filter(doc -> ((List<?>) map(doc, "spec").get("policyTypes")).contains("Egress")).toList();
        assertThat(policies).extracting(doc -> map(doc, "metadata").get("name"))
                .containsExactlyInAnyOrder("triage-egress", "console");
        policies = policies.stream().filter(doc -> "triage-egress".equals(map(doc, "metadata").get("name"))).toList();
        Map<String, Object> spec = map(policies.getFirst(), "spec");
        assertThat(map(map(spec, "podSelector"), "matchLabels")).containsEntry("app.kubernetes.io/part-of", "triage");
        List<Map<String, Object>> rules = list(spec, "egress");
        assertThat(rules).allSatisfy(rule -> assertThat(list(rule, "to")).isNotEmpty());
        List<Object> ports = rules.stream().flatMap(rule -> list(rule, "ports").stream())
                .map(port -> port.get("port")).toList();
        assertThat(ports).contains(53, 5432, 6380, 8080, 8085, 443);
        List<Object> cidrs = rules.stream().flatMap(rule -> list(rule, "to").stream())
                .filter(to -> to.containsKey("ipBlock")).map(to -> map(to, "ipBlock").get("cidr")).toList();
        assertThat(cidrs).contains("20.190.128.0/18").doesNotContain("0.0.0.0/0");
    }

    @Test
    void jwtModeGivesEveryServiceTheAudienceAndTheRoleNamespace() {
        List<Map<String, Object>> deployments = render(t -> t).stream()
                .filter(doc -> "Deployment".equals(doc.get("kind"))).toList();
        assertThat(deployments).isNotEmpty().allSatisfy(deployment -> {
            Map<String, Object> container = list(map(map(map(deployment, "spec"), "template"), "spec"),
                    "containers").getFirst();
            assertThat(env(container, "TRIAGE_PLATFORM_SECURITY_MODE")).isEqualTo("jwt");
            assertThat(env(container, "TRIAGE_PLATFORM_SECURITY_JWT_AUDIENCES")).isNotBlank();
            assertThat(env(container, "TRIAGE_PLATFORM_SECURITY_JWT_ROLE_PREFIX")).isEqualTo("triage.");
        });
    }

    @Test
    void thePublicIngressRoutesOnlyWhatATicketingSystemCalls() {
        List<Map<String, Object>> ingresses = render(t -> t).stream()
                .filter(doc -> "Ingress".equals(doc.get("kind")))
                .filter(doc -> "triage".equals(map(doc, "metadata").get("name"))).toList();
        assertThat(ingresses).hasSize(1);
        assertThat(paths(ingresses.getFirst()))
                .containsExactlyInAnyOrder("/classify", "/batch-classify", "/feedback", "/webhooks");
    }

    @Test
    void theAdminIngressIsOptInAndOpenOnlyToTheAllowedNetworks() {
        List<Map<String, Object>> admin = render(t -> t.set("ingress.admin.enabled", "true")
                .set("ingress.admin.allowedSourceRanges[0]", "10.20.0.0/16")).stream()
                .filter(doc -> "Ingress".equals(doc.get("kind")))
                .filter(doc -> "triage-admin".equals(map(doc, "metadata").get("name"))).toList();
        assertThat(admin).hasSize(1);
        assertThat(map(map(admin.getFirst(), "metadata"), "annotations"))
                .containsEntry("nginx.ingress.kubernetes.io/whitelist-source-range", "10.20.0.0/16");
        assertThat(paths(admin.getFirst())).contains("/rules", "/search", "/audit", "/gdpr", "/models")
                .doesNotContain("/classify", "/webhooks");
        assertThatThrownBy(() -> render(t -> t.set("ingress.admin.enabled", "true")))
                .as("an admin ingress open to every network is refused")
                .hasMessageContaining("allowedSourceRanges");
    }

    @Test
    void noServicePodSeesTheAdminKeyTheDatabaseAdminCredentialsOrAnyAcceptedKeyInPlain() {
        List<Map<String, Object>> docs = render(ChartSecurityTests::withDigests);
        for (Map<String, Object> deployment : kind(docs, "Deployment")) {
            Map<String, Object> container = container(deployment);
            String name = String.valueOf(map(deployment, "metadata").get("name"));
            assertThat(secretRefs(container)).as(name)
                    .noneSatisfy(ref -> assertThat(ref.secret()).isEqualTo("triage-db-admin"))
                    .noneSatisfy(ref -> assertThat(ref.key()).contains("admin"));
            assertThat(envNames(container)).as(name)
                    .noneSatisfy(env -> assertThat(env).startsWith("TRIAGE_DB_ADMIN"))
                    .noneSatisfy(env -> assertThat(env).matches("TRIAGE_PLATFORM_SECURITY_API_KEYS_\\d+_KEY"));
        }
        assertThat(kind(docs, "Job")).as("only the migration step logs in as the database administrator")
                .allSatisfy(job -> assertThat(secretRefs(container(job)))
                        .anySatisfy(ref -> assertThat(ref.secret()).isEqualTo("triage-db-admin")));
    }

    @Test
    void eachServiceReadsOnlyItsOwnSecretWithItsOwnDatabasePassword() {
        List<Map<String, Object>> deployments = kind(render(t -> t), "Deployment");
        Map<String, String> secretOf = new HashMap<>();
        for (Map<String, Object> deployment : deployments) {
            List<SecretRef> refs = secretRefs(container(deployment));
            if ("console".equals(map(deployment, "metadata").get("name"))) {
                assertThat(refs).as("the console holds no key and no password of its own").isEmpty();
                continue;
            }
            assertThat(refs.stream().map(SecretRef::secret).distinct()).as("one Secret per service").hasSize(1);
            assertThat(refs).anySatisfy(ref -> {
                assertThat(ref.env()).isEqualTo("SPRING_DATASOURCE_PASSWORD");
                assertThat(ref.key()).isEqualTo("db-password");
            });
            secretOf.put(String.valueOf(map(deployment, "metadata").get("name")), refs.getFirst().secret());
        }
        assertThat(secretOf).hasSize(6);
        assertThat(secretOf.values()).as("no two services (or database roles) share a Secret").doesNotHaveDuplicates();
        assertThatThrownBy(() -> render(t -> t.set("services.rules-engine.existingSecret", "triage-classify-service")))
                .as("two services configured with one Secret are refused").hasMessageContaining("existingSecret");
    }

    @Test
    void eachServiceSendsItsOwnKeyAndAcceptsOnlyTheDigestsOfItsCallers() {
        List<Map<String, Object>> deployments = kind(render(ChartSecurityTests::withDigests), "Deployment");
        Map<String, Map<String, Object>> containers = new HashMap<>();
        deployments.forEach(d -> containers.put(String.valueOf(map(d, "metadata").get("name")), container(d)));
        assertThat(accepted(containers.get("classify-service"))).containsOnlyKeys("admin", "ops", "prometheus",
                "analyst", "compliance", "servicenow", "agent", "ingestion-service", "gdpr-service");
        assertThat(accepted(containers.get("classify-service"))).containsEntry("servicenow", digit('1'));
        assertThat(accepted(containers.get("rules-engine"))).containsOnlyKeys("admin", "ops", "prometheus",
                "analyst", "classify-service");
        assertThat(accepted(containers.get("ingestion-service"))).containsKeys("classify-service",
                "embedding-service", "gdpr-service", "agent").doesNotContainKeys("servicenow", "ingestion-service");
        assertThat(accepted(containers.get("rules-engine"))).as("an agent has no business with rules")
                .doesNotContainKey("agent");
        assertThat(accepted(containers.get("audit-service"))).containsKeys("classify-service", "gdpr-service")
                .doesNotContainKeys("servicenow", "ingestion-service", "embedding-service");
        assertThat(secretRefs(containers.get("classify-service")))
                .contains(new SecretRef("TRIAGE_CLASSIFY_API_KEY", "triage-classify-service", "api-key"));
        assertThat(secretRefs(containers.get("gdpr-service")))
                .contains(new SecretRef("TRIAGE_GDPR_API_KEY", "triage-gdpr-service", "api-key"));
        assertThat(secretRefs(containers.get("rules-engine"))).as("rules-engine calls no other service")
                .noneSatisfy(ref -> assertThat(ref.key()).isEqualTo("api-key"));
        assertThatThrownBy(() -> render(t -> t.set("apiKeys.servicenow.sha256", "not-a-digest")))
                .as("a digest that is not 64 hex digits is refused")
                .hasMessageContaining("apiKeys.servicenow.sha256");
    }

    @Test
    void theConsoleAcceptsOnlyThePeoplesKeysAndCallsItsUpstreamsWithASecureSessionCookie() {
        List<Map<String, Object>> docs = render(ChartSecurityTests::withDigests);
        Map<String, Object> console = kind(docs, "Deployment").stream()
                .filter(d -> "console".equals(map(d, "metadata").get("name"))).findFirst().orElseThrow();
        Map<String, Object> container = container(console);
        assertThat(accepted(container)).as("people's keys (and Prometheus' for the scrape), no service's or system's")
                .containsOnlyKeys("admin", "analyst", "agent", "ops", "compliance", "prometheus")
                .containsEntry("admin", digit('0')).containsEntry("agent", digit('a'));
        assertThat(secretRefs(container)).isEmpty();
        assertThat(env(container, "SERVER_SERVLET_SESSION_COOKIE_SECURE")).isEqualTo("true");
        assertThat(env(container, "SERVER_FORWARD_HEADERS_STRATEGY")).as("the sign-in limit counts per client address")
                .isEqualTo("native");
        assertThat(env(container, "TRIAGE_CONSOLE_RULES_ENGINE")).isEqualTo("http://rules-engine:8081");
        assertThat(env(container, "TRIAGE_CONSOLE_CLASSIFY_SERVICE")).isEqualTo("http://classify-service:8080");
        assertThat(env(container, "TRIAGE_CONSOLE_INGESTION_SERVICE")).isEqualTo("http://ingestion-service:8083");
        assertThat(env(container, "TRIAGE_CONSOLE_AUDIT_SERVICE")).isEqualTo("http://audit-service:8084");
        assertThat(env(container, "TRIAGE_CONSOLE_GDPR_SERVICE")).isEqualTo("http://gdpr-service:8085");
        assertThat(envNames(container)).noneSatisfy(env -> assertThat(env).startsWith("SPRING_DATA"));
        assertThat(map(console, "spec")).containsEntry("replicas", 1);
        assertThat(kind(docs, "HorizontalPodAutoscaler")).extracting(h -> map(h, "metadata").get("name"))
                .doesNotContain("console");
        assertThatThrownBy(() -> render(t -> t.set("console.env.SERVER_SERVLET_SESSION_COOKIE_SECURE", "false")))
                .as("the session cookie cannot be made non-Secure")
                .hasMessageContaining("SERVER_SERVLET_SESSION_COOKIE_SECURE");
    }

    @Test
    void withOpenIdConnectTheConsoleGetsItsRegistrationAndReadsOnlyItsClientSecretFromASecret() {
        Map<String, Object> console = kind(render(t -> t.set("console.oidc.enabled", "true")
                .set("console.oidc.clientId", "11111111-2222-3333-4444-555555555555")), "Deployment").stream()
                .filter(d -> "console".equals(map(d, "metadata").get("name"))).findFirst().orElseThrow();
        Map<String, Object> container = container(console);

        assertThat(env(container, "TRIAGE_CONSOLE_SIGN_IN_OIDC_REGISTRATION")).isEqualTo("entra");
        assertThat(env(container, "TRIAGE_CONSOLE_SIGN_IN_API_KEY")).isEqualTo("false");
        assertThat(env(container, "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_ENTRA_CLIENT_ID"))
                .isEqualTo("11111111-2222-3333-4444-555555555555");
        assertThat(env(container, "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_ENTRA_SCOPE"))
                .isEqualTo("openid,profile,offline_access,api://triage/user_impersonation");
        assertThat(env(container, "SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_ENTRA_ISSUER_URI"))
                .as("the issuer the services trust").isEqualTo(env(container,
                        "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"));
        assertThat(env(container, "TRIAGE_CONSOLE_SIGN_IN_POST_LOGOUT_REDIRECT_URI"))
                .isEqualTo("https://triage-console.example.com/");
        assertThat(secretRefs(container)).containsExactly(new SecretRef(
                "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_ENTRA_CLIENT_SECRET", "console-oidc", "client-secret"));

        assertThatThrownBy(() -> render(t -> t.set("console.oidc.enabled", "true")))
                .hasMessageContaining("console.oidc.clientId");
        assertThatThrownBy(() -> render(t -> t.set("console.oidc.enabled", "true").set("console.oidc.clientId", "c")
                .set("security.mode", "api-key"))).as("the services would refuse the forwarded tokens")
                .hasMessageContaining("security.mode=jwt");
        assertThatThrownBy(() -> render(t -> t.set("console.oidc.enabled", "true").set("console.oidc.clientId", "c")
                .set("console.oidc.registration", "my-idp"))).hasMessageContaining("console.oidc.registration");
    }

    @Test
    void theConsoleIsReachedThroughItsOwnIngressWithCookieAffinityAndMorePodsOnlyWithIt() {
        Map<String, Object> ingress = kind(render(t -> t.set("console.replicas", "2")), "Ingress").stream()
                .filter(doc -> "triage-console".equals(map(doc, "metadata").get("name"))).findFirst().orElseThrow();
        assertThat(map(map(ingress, "metadata"), "annotations"))
                .containsEntry("nginx.ingress.kubernetes.io/affinity", "cookie")
                .containsEntry("nginx.ingress.kubernetes.io/affinity-mode", "persistent")
                .containsEntry("nginx.ingress.kubernetes.io/session-cookie-secure", "true");
        assertThat(paths(ingress)).containsExactly("/");
        assertThatThrownBy(() -> render(t -> t.set("console.replicas", "2").set("ingress.console.enabled", "false")))
                .as("sessions in one pod's memory: a second pod only behind cookie affinity")
                .hasMessageContaining("console.replicas");
        assertThat(kind(render(t -> t.set("ingress.console.allowedSourceRanges[0]", "10.20.0.0/16")), "Ingress")
                .stream().filter(doc -> "triage-console".equals(map(doc, "metadata").get("name"))).findFirst()
                .map(doc -> map(map(doc, "metadata"), "annotations")))
                .hasValueSatisfying(annotations -> assertThat(annotations)
                        .containsEntry("nginx.ingress.kubernetes.io/whitelist-source-range", "10.20.0.0/16"));
    }

    @Test
    void theConsoleReachesExactlyItsUpstreamsAndOnlyTheIngressAndPrometheusReachIt() {
        List<Map<String, Object>> docs = render(t -> t);
        Map<String, Map<String, Object>> policies = new HashMap<>();
        kind(docs, "NetworkPolicy").forEach(p -> policies.put(String.valueOf(map(p, "metadata").get("name")), p));
        List<String> upstreams = List.of("rules-engine", "classify-service", "ingestion-service", "audit-service",
                "gdpr-service");

        Map<String, Object> console = map(policies.get("console"), "spec");
        assertThat(map(map(console, "podSelector"), "matchLabels"))
                .isEqualTo(Map.of("app.kubernetes.io/name", "console"));
        assertThat(strings(console, "policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");
        List<Map<String, Object>> egress = list(console, "egress");
        assertThat(egress).hasSize(2).allSatisfy(rule -> assertThat(list(rule, "to")).isNotEmpty()
                .noneSatisfy(to -> assertThat(to).containsKey("ipBlock")));
        assertThat(list(egress.get(0), "ports")).extracting(port -> port.get("port")).containsOnly(53);
        Map<String, Object> services = list(egress.get(1), "to").getFirst();
        assertThat(list(map(services, "podSelector"), "matchExpressions")).singleElement().satisfies(expression -> {
            assertThat(expression).containsEntry("key", "app.kubernetes.io/name").containsEntry("operator", "In");
            assertThat(strings(expression, "values")).containsExactlyInAnyOrderElementsOf(upstreams);
        });
        assertThat(list(egress.get(1), "ports")).extracting(port -> port.get("port"))
                .containsExactlyInAnyOrder(8081, 8080, 8083, 8084, 8085).doesNotContain(8082, 5432, 6380);
        assertThat(list(console, "ingress")).singleElement().satisfies(rule -> assertThat(list(rule, "from"))
                .allSatisfy(from -> assertThat(from).containsOnlyKeys("namespaceSelector")));

        Map<String, Object> accepting = map(policies.get("console-upstreams"), "spec");
        assertThat(list(map(accepting, "podSelector"), "matchExpressions")).singleElement()
                .satisfies(expression -> assertThat(strings(expression, "values"))
                        .containsExactlyInAnyOrderElementsOf(upstreams));
        assertThat(list(accepting, "ingress")).singleElement().satisfies(rule -> assertThat(list(rule, "from"))
                .singleElement().satisfies(from -> assertThat(map(map(from, "podSelector"), "matchLabels"))
                        .isEqualTo(Map.of("app.kubernetes.io/name", "console"))));

        // The policies of the services leave the console out on both sides: it gets neither the database, Redis nor
        // embedding-service through them, and no service may call it.
        for (String shared : List.of("triage-internal", "triage-egress")) {
            assertThat(list(map(map(policies.get(shared), "spec"), "podSelector"), "matchExpressions")).as(shared)
                    .singleElement().satisfies(expression -> {
                        assertThat(expression).containsEntry("operator", "NotIn");
                        assertThat(strings(expression, "values")).containsExactly("console");
                    });
        }
        assertThat(list(list(map(policies.get("triage-internal"), "spec"), "ingress").getFirst(), "from"))
                .filteredOn(from -> from.containsKey("podSelector")).singleElement()
                .satisfies(from -> assertThat(list(map(from, "podSelector"), "matchExpressions")).singleElement()
                        .satisfies(expression -> assertThat(strings(expression, "values")).containsExactly("console")));
    }

    @Test
    void theChartIsLintClean() {
        LintResult lint = new Helm(CHART).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void withoutDigestsEveryServiceStillListsItsCallersSoTheLocalDefaultKeysNeverApply() {
        for (Map<String, Object> deployment : kind(render(t -> t), "Deployment")) {
            assertThat(accepted(container(deployment))).as(String.valueOf(map(deployment, "metadata").get("name")))
                    .containsKeys("admin", "ops").allSatisfy((holder, digest) -> assertThat(digest).isEmpty());
        }
    }

    /** Every caller's digest set: 64 times one hex digit per caller, so a test can tell them apart. */
    private static TemplateCommand withDigests(TemplateCommand template) {
        String[] callers = {"admin", "servicenow", "analyst", "ops", "compliance", "classify-service",
            "ingestion-service", "embedding-service", "gdpr-service", "prometheus", "agent"};
        for (int i = 0; i < callers.length; i++) {
            template = template.set("apiKeys." + callers[i] + ".sha256", digit(Character.forDigit(i, 16)));
        }
        return template;
    }

    private static String digit(char hex) {
        return String.valueOf(hex).repeat(64);
    }

    /** The keys a service accepts: holder name to digest. */
    private static Map<String, String> accepted(Map<String, Object> container) {
        Map<String, String> byName = new HashMap<>();
        for (int i = 0; !env(container, "TRIAGE_PLATFORM_SECURITY_API_KEYS_" + i + "_NAME").isEmpty(); i++) {
            byName.put(env(container, "TRIAGE_PLATFORM_SECURITY_API_KEYS_" + i + "_NAME"),
                    env(container, "TRIAGE_PLATFORM_SECURITY_API_KEYS_" + i + "_KEY_SHA256"));
        }
        return byName;
    }

    private record SecretRef(String env, String secret, String key) {
    }

    private static List<SecretRef> secretRefs(Map<String, Object> container) {
        List<SecretRef> refs = new ArrayList<>();
        for (Map<String, Object> env : list(container, "env")) {
            if (env.get("valueFrom") instanceof Map<?, ?> from && from.get("secretKeyRef") instanceof Map<?, ?> ref) {
                refs.add(new SecretRef(String.valueOf(env.get("name")), String.valueOf(ref.get("name")),
                        String.valueOf(ref.get("key"))));
            }
        }
        return refs;
    }

    private static List<String> strings(Map<String, Object> parent, String key) {
        return ((List<?>) parent.get(key)).stream().map(String::valueOf).toList();
    }

    private static List<String> envNames(Map<String, Object> container) {
        return list(container, "env").stream().map(e -> String.valueOf(e.get("name"))).toList();
    }

    private static List<Map<String, Object>> kind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(doc -> kind.equals(doc.get("kind"))).toList();
    }

    private static Map<String, Object> container(Map<String, Object> workload) {
        return list(map(map(map(workload, "spec"), "template"), "spec"), "containers").getFirst();
    }

    private static List<Object> paths(Map<String, Object> ingress) {
        return list(map(ingress, "spec"), "rules").stream()
                .flatMap(rule -> list(map(rule, "http"), "paths").stream()).map(path -> path.get("path")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> render(UnaryOperator<TemplateCommand> options) {
        // Migration Jobs as plain manifests: helm-java returns the release manifest, which leaves hooks out.
        String manifests = options.apply(new Helm(CHART).template().withName("triage")
                .set("migrations.helmHook", "false")).call();
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(manifests)) {
            if (doc instanceof Map<?, ?> map) {
                docs.add((Map<String, Object>) map);
            }
        }
        // Non-secret variables come from each service's ConfigMap (envFrom): read the environment the pod gets.
        return HelmChart.withEffectiveEnvironment(docs);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    private static String env(Map<String, Object> container, String variable) {
        return list(container, "env").stream().filter(e -> variable.equals(e.get("name")))
                .map(e -> String.valueOf(e.get("value"))).findFirst().orElse("");
    }
}
