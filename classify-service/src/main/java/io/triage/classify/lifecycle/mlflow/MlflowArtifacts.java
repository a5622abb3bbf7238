package io.triage.classify.lifecycle.mlflow;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import io.triage.platform.problem.UnavailableException;
import org.jspecify.annotations.Nullable;
import org.mlflow.tracking.creds.MlflowHostCreds;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * Run artifacts over MLflow's artifact proxy. MLflow's Java client writes and reads artifacts by running the Python
 * {@code mlflow} CLI ({@code CliBasedArtifactRepository}), which a JVM service image does not have; so this speaks
 * the proxy's REST API directly, exactly as the Python client's {@code MlflowArtifactsRepository} does: an artifact
 * root {@code mlflow-artifacts:/<path>} (what {@code mlflow server --serve-artifacts} gives runs) resolves to
 * {@code <tracking uri>/api/2.0/mlflow-artifacts/artifacts/<path>}, an http(s) root is used as it is; upload is
 * {@code PUT} with the bytes as body, download {@code GET}, delete {@code DELETE}. Other roots (s3://, wasbs://, gs://, file:) are refused
 * with a message naming the fix.
 */
final class MlflowArtifacts {

    private static final String PROXY_PATH = "/api/2.0/mlflow-artifacts/artifacts";

    private final URI trackingUri;
    private final RestClient http;

    MlflowArtifacts(MlflowHostCreds creds, Duration timeout) {
        this.trackingUri = URI.create(stripTrailingSlash(creds.getHost()));
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(timeout);
        RestClient.Builder builder = RestClient.builder().requestFactory(requests);
        String authorization = authorization(creds);
        if (authorization != null) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, authorization);
        }
        this.http = builder.build();
    }

    /** The same header MLflow's Java client sends: basic auth when a user is set, else a bearer token. */
    static @Nullable String authorization(MlflowHostCreds creds) {
        if (creds.getUsername() != null && creds.getPassword() != null) {
            return "Basic " + Base64.getEncoder().encodeToString((creds.getUsername() + ":" + creds.getPassword())
                    .getBytes(StandardCharsets.UTF_8));
        }
        return creds.getToken() == null ? null : "Bearer " + creds.getToken();
    }

    /** Refuses, before anything is registered, an artifact root this service cannot write to. */
    void checkWritable(String artifactRoot) {
        resolve(artifactRoot, "");
    }

    void upload(String artifactRoot, String path, byte[] bytes) {
        http.put().uri(resolve(artifactRoot, path)).contentType(MediaType.APPLICATION_OCTET_STREAM).body(bytes)
                .retrieve().toBodilessEntity();
    }

    byte[] download(String artifactRoot, String path) {
        byte[] bytes = http.get().uri(resolve(artifactRoot, path)).retrieve().body(byte[].class);
        return bytes == null ? new byte[0] : bytes;
    }

    /** Deletes an artifact; one already gone (404) counts as deleted. */
    void delete(String artifactRoot, String path) {
        try {
            http.delete().uri(resolve(artifactRoot, path)).retrieve().toBodilessEntity();
        } catch (HttpClientErrorException.NotFound e) {
            // Deleted before (a retirement interrupted after this step): nothing left to delete.
        }
    }

    URI resolve(String artifactRoot, String path) {
        URI root = URI.create(stripTrailingSlash(artifactRoot));
        String suffix = path.isEmpty() ? "" : "/" + path;
        if ("mlflow-artifacts".equals(root.getScheme())) {
            String authority = root.getRawAuthority() != null ? root.getRawAuthority() : trackingUri.getRawAuthority();
            String base = trackingUri.getRawPath() == null ? "" : stripTrailingSlash(trackingUri.getRawPath());
            String rootPath = root.getRawPath().startsWith("/") ? root.getRawPath() : "/" + root.getRawPath();
            return URI.create(trackingUri.getScheme() + "://" + authority + base + PROXY_PATH + rootPath + suffix);
        }
        if ("http".equals(root.getScheme()) || "https".equals(root.getScheme())) {
            return URI.create(root + suffix);
        }
        throw new UnavailableException("MLflow gave the run the "
                + "artifact root " + artifactRoot + ", which this service cannot write without the Python mlflow "
                + "CLI; start the tracking server with --serve-artifacts (artifact roots mlflow-artifacts:/...)");
    }

    private static String stripTrailingSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
