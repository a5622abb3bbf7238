package io.triage.testsupport.fuzz;

import java.util.ArrayList;
import java.util.List;

/** What one endpoint answered to its fuzz inputs. */
public final class EndpointTally {

    private static final int KEPT_FINDINGS = 5;

    private final FuzzEndpoint endpoint;
    private final String path;
    private int exampleStatus;
    private int inputs;
    private int ok;
    private int redirects;
    private int clientErrors;
    private int notProblemDetails;
    private int serverErrors;
    private int noAnswer;
    private int deaths;
    private long millis;
    private final List<String> findings = new ArrayList<>();

    EndpointTally(FuzzEndpoint endpoint, String path) {
        this.endpoint = endpoint;
        this.path = path;
    }

    void took(long elapsedMillis) {
        millis = elapsedMillis;
    }

    void example(int status) {
        exampleStatus = status;
    }

    void answered(FuzzInput input, int index, int status, boolean problemDetail, String body) {
        inputs++;
        if (status >= 500) {
            serverErrors++;
            keep(index, input, status + " " + body.substring(0, Math.min(body.length(), 200)));
        } else if (status >= 400) {
            clientErrors++;
            if (!problemDetail) {
                notProblemDetails++;
            }
        } else if (status >= 300) {
            redirects++;
        } else {
            ok++;
        }
    }

    void unanswered(FuzzInput input, int index, String failure, boolean alive) {
        inputs++;
        noAnswer++;
        if (!alive) {
            deaths++;
        }
        keep(index, input, (alive ? "no answer: " : "no answer, service down: ") + failure);
    }

    private void keep(int index, FuzzInput input, String what) {
        if (findings.size() < KEPT_FINDINGS) {
            findings.add("#" + index + " " + input + " -> " + what);
        }
    }

    /** The endpoint as fuzzed: method and resolved path. */
    public String key() {
        return endpoint.method() + " " + path;
    }

    public int serverErrors() {
        return serverErrors;
    }

    public int deaths() {
        return deaths;
    }

    public List<String> findings() {
        return findings;
    }

    /**
     * A Markdown table row: service | endpoint | the example's status | inputs | 2xx | 3xx | 4xx (of which not
     * ProblemDetail) | 5xx | no answer | process deaths | seconds.
     */
    String row(String service) {
        return "| %s | `%s` | %d | %d | %d | %d | %d (%d) | %d | %d | %d | %.1f |".formatted(service, key(),
                exampleStatus, inputs, ok, redirects, clientErrors, notProblemDetails, serverErrors, noAnswer, deaths,
                millis / 1000.0);
    }
}
