package io.triage.simulators;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.triage.simulators.jira.JiraSettings;
import io.triage.simulators.jira.JiraSimulator;
import io.triage.simulators.servicenow.ServiceNowSettings;
import io.triage.simulators.servicenow.ServiceNowSimulator;
import io.triage.simulators.slack.SlackSimulator;
import io.triage.simulators.zendesk.ZendeskSettings;
import io.triage.simulators.zendesk.ZendeskSimulator;

/**
 * All four simulators together, one port each: the standalone entry point
 * ({@code java -jar saas-simulators-*-exec.jar [--host=127.0.0.1] [--servicenow.port=9101] [--zendesk.port=9102]
 * [--jira.port=9103] [--slack.port=9104] [--zendesk.webhook-url=… --zendesk.webhook-secret=…]
 * [--jira.webhook-url=… --jira.webhook-secret=…]}), and a one-line way for a test to start them all on free ports
 * ({@code Simulators.start(Map.of())} with every port 0 unless given).
 */
public final class Simulators implements AutoCloseable {

    /** Default standalone ports. */
    public static final Map<String, Integer> DEFAULT_PORTS = Map.of("servicenow", 9101, "zendesk", 9102, "jira", 9103, "slack", 9104);

    private final ServiceNowSimulator servicenow;
    private final ZendeskSimulator zendesk;
    private final JiraSimulator jira;
    private final SlackSimulator slack;

    private Simulators(ServiceNowSimulator servicenow, ZendeskSimulator zendesk, JiraSimulator jira, SlackSimulator slack) {
        this.servicenow = servicenow;
        this.zendesk = zendesk;
        this.jira = jira;
        this.slack = slack;
    }

    /**
     * Starts all four with default settings. {@code options} are the command-line options without the leading
     * {@code --} (e.g. {@code "zendesk.port" -> "0"}); a port not given is 0 (any free port).
     */
    public static Simulators start(Map<String, String> options) {
        String host = options.getOrDefault("host", "127.0.0.1");
        ZendeskSettings zendeskSettings = ZendeskSettings.defaults();
        if (options.containsKey("zendesk.webhook-url")) {
            zendeskSettings = zendeskSettings.withWebhook(URI.create(options.get("zendesk.webhook-url")),
                    options.getOrDefault("zendesk.webhook-secret", zendeskSettings.webhookSecret()));
        }
        JiraSettings jiraSettings = JiraSettings.defaults();
        if (options.containsKey("jira.webhook-url")) {
            jiraSettings = jiraSettings.withWebhook(URI.create(options.get("jira.webhook-url")),
                    options.getOrDefault("jira.webhook-secret", jiraSettings.webhookSecret()));
        }
        Simulators all = new Simulators(new ServiceNowSimulator(ServiceNowSettings.defaults(), SimClock.system()),
                new ZendeskSimulator(zendeskSettings, SimClock.system()),
                new JiraSimulator(jiraSettings, SimClock.system()), new SlackSimulator());
        try {
            for (Simulator simulator : all.all()) {
                simulator.start(host, Integer.parseInt(options.getOrDefault(simulator.system() + ".port", "0")));
            }
        } catch (RuntimeException e) {
            all.close();
            throw e;
        }
        return all;
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = new LinkedHashMap<>();
        DEFAULT_PORTS.forEach((system, port) -> options.put(system + ".port", port.toString()));
        options.putAll(parse(args));
        Simulators all = start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(all::close));
        System.out.println(all.describe());
        new CountDownLatch(1).await();
    }

    /** Reads {@code --name=value} arguments. */
    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return options;
    }

    public ServiceNowSimulator servicenow() {
        return servicenow;
    }

    public ZendeskSimulator zendesk() {
        return zendesk;
    }

    public JiraSimulator jira() {
        return jira;
    }

    public SlackSimulator slack() {
        return slack;
    }

    public List<Simulator> all() {
        return List.of(servicenow, zendesk, jira, slack);
    }

    /** Where each listens and the well-known local credentials. */
    public String describe() {
        ServiceNowSettings sn = servicenow.settings();
        return String.join("\n",
                "ServiceNow " + servicenow.baseUri() + "  basic " + sn.username() + ":" + sn.password()
                        + "  oauth client " + sn.clientId() + ":" + sn.clientSecret(),
                "Zendesk    " + zendesk.baseUri() + "  basic " + zendesk.settings().email() + "/token:" + zendesk.settings().apiToken(),
                "Jira       " + jira.baseUri() + "  basic " + jira.settings().email() + ":" + jira.settings().apiToken(),
                "Slack      " + slack.baseUri() + "/services/T000/B000/local",
                "Admin on every port: POST|DELETE /_sim/faults, GET /_sim/requests, POST /_sim/reset");
    }

    @Override
    public void close() {
        all().forEach(Simulator::close);
    }
}
