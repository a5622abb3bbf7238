{{/*
The environment of one service, in two parts. triage.configEnv: the non-secret variables as a YAML map (the data of the
service's ConfigMap <service>-env; accepted API keys are digests only). triage.secretEnv: the variables from the
service's own Secret (services.<name>.existingSecret), as env entries; it holds no database admin credentials (only the
migration Job adds those). Both take a dict: root (the chart's root context), name (the service), svc (its values),
migration (true for the Job: no outbound API key).
*/}}
{{- define "triage.configEnv" -}}
{{- $root := .root -}}
{{- $name := .name -}}
{{- $svc := .svc -}}
JAVA_TOOL_OPTIONS: {{ $root.Values.javaToolOptions | quote }}
SPRING_DATASOURCE_URL: {{ $root.Values.database.url | quote }}
SPRING_DATA_REDIS_HOST: {{ $root.Values.redis.host | quote }}
SPRING_DATA_REDIS_PORT: {{ $root.Values.redis.port | quote }}
SPRING_DATA_REDIS_SSL_ENABLED: {{ $root.Values.redis.ssl | quote }}
TRIAGE_PLATFORM_SECURITY_MODE: {{ $root.Values.security.mode | quote }}
TRIAGE_PLATFORM_SECURITY_ALLOW_DEFAULT_KEYS: "false"
SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI: {{ $root.Values.security.jwtIssuerUri | quote }}
TRIAGE_PLATFORM_SECURITY_JWT_AUDIENCES: {{ join "," $root.Values.security.jwtAudiences | quote }}
TRIAGE_PLATFORM_SECURITY_JWT_AUTHORIZED_PARTIES: {{ join "," $root.Values.security.jwtAuthorizedParties | quote }}
TRIAGE_PLATFORM_SECURITY_JWT_ROLE_PREFIX: {{ $root.Values.security.jwtRolePrefix | quote }}
{{- include "triage.acceptedKeys" (dict "root" $root "name" $name) }}
{{- range $var, $value := $svc.env }}
{{ $var }}: {{ $value | quote }}
{{- end }}
{{- if and (eq $name "embedding-service") (include "triage.embeddingIndexOnDisk" $svc) }}
TRIAGE_EMBEDDING_LUCENE_PATH: {{ $root.Values.embeddingIndex.mountPath | quote }}
{{- end }}
{{- if and (eq $name "audit-service") (include "triage.auditArchiveOnDisk" $svc) }}
TRIAGE_AUDIT_ARCHIVE_DIRECTORY: {{ printf "%s/archive" $root.Values.auditArchive.mountPath | quote }}
TRIAGE_AUDIT_ARCHIVE_LOCAL_DURABLE: "true"
TRIAGE_AUDIT_CHECKPOINT_MIRROR_DIRECTORY: {{ printf "%s/checkpoint-mirror" $root.Values.auditArchive.mountPath | quote }}
{{- end }}
{{- if and (eq $name "classify-service") $root.Values.mlflow.trackingUri }}
MLFLOW_TRACKING_URI: {{ $root.Values.mlflow.trackingUri | quote }}
TRIAGE_CLASSIFY_MODELS_MLFLOW_EXPERIMENT: {{ $root.Values.mlflow.experiment | quote }}
TRIAGE_CLASSIFY_MODELS_MLFLOW_REGISTERED_MODEL: {{ $root.Values.mlflow.registeredModel | quote }}
{{- end }}
MANAGEMENT_TRACING_SAMPLING_PROBABILITY: {{ $root.Values.tracing.samplingProbability | quote }}
{{- if $root.Values.tracing.otlpEndpoint }}
MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT: {{ $root.Values.tracing.otlpEndpoint | quote }}
{{- end }}
{{- range $other, $o := $root.Values.services }}
TRIAGE_{{ $other | upper | replace "-SERVICE" "" | replace "-" "_" }}_URL: "http://{{ $other }}:{{ $o.port }}"
{{- end }}
{{- end }}

{{- define "triage.secretEnv" -}}
{{- $root := .root -}}
{{- $name := .name -}}
{{- $svc := .svc -}}
{{- $secret := include "triage.secretName" (dict "root" $root "name" $name "svc" $svc) -}}
- {name: SPRING_DATASOURCE_PASSWORD, valueFrom: {secretKeyRef: {name: {{ $secret }}, key: db-password}}}
- {name: SPRING_DATA_REDIS_PASSWORD, valueFrom: {secretKeyRef: {name: {{ $secret }}, key: redis-password}}}
{{- if and $svc.apiKeyEnv (not .migration) }}
- {name: {{ $svc.apiKeyEnv }}, valueFrom: {secretKeyRef: {name: {{ $secret }}, key: api-key}}}
{{- end }}
{{- range $var, $key := $svc.secretEnv }}
- {name: {{ $var }}, valueFrom: {secretKeyRef: {name: {{ $secret }}, key: {{ $key }}}}}
{{- end }}
{{- range $var, $key := $svc.optionalSecretEnv }}
- {name: {{ $var }}, valueFrom: {secretKeyRef: {name: {{ $secret }}, key: {{ $key }}, optional: true}}}
{{- end }}
{{- if eq $name "classify-service" }}
{{- if and $root.Values.mlflow.trackingUri $root.Values.mlflow.tokenSecretKey }}
- {name: MLFLOW_TRACKING_TOKEN, valueFrom: {secretKeyRef: {name: {{ $secret }}, key: {{ $root.Values.mlflow.tokenSecretKey }}}}}
{{- end }}
{{- if and $root.Values.mlflow.trackingUri $root.Values.mlflow.usernameSecretKey }}
- {name: MLFLOW_TRACKING_USERNAME, valueFrom: {secretKeyRef: {name: {{ $secret }}, key: {{ $root.Values.mlflow.usernameSecretKey }}}}}
- {name: MLFLOW_TRACKING_PASSWORD, valueFrom: {secretKeyRef: {name: {{ $secret }}, key: {{ $root.Values.mlflow.passwordSecretKey }}}}}
{{- end }}
{{- end }}
{{- end }}

{{/*
The whole environment inline, for the migration Jobs: they run as pre-install/pre-upgrade hooks, before the release's
ConfigMaps exist.
*/}}
{{- define "triage.env" -}}
{{- range $var, $value := include "triage.configEnv" . | fromYaml }}
- {name: {{ $var }}, value: {{ $value | quote }}}
{{- end }}
{{ include "triage.secretEnv" . }}
{{- end }}

{{/* The keys of a service's Secret that its pods read (for the Key Vault SecretProviderClass). */}}
{{- define "triage.secretKeys" -}}
{{- $keys := list "db-password" "redis-password" -}}
{{- if .svc.apiKeyEnv }}{{ $keys = append $keys "api-key" }}{{ end -}}
{{- range $var, $key := .svc.secretEnv }}{{ $keys = append $keys $key }}{{ end -}}
{{- if eq .name "classify-service" }}
{{- range $k := list .root.Values.mlflow.tokenSecretKey .root.Values.mlflow.usernameSecretKey .root.Values.mlflow.passwordSecretKey }}
{{- if and $k $.root.Values.mlflow.trackingUri }}{{ $keys = append $keys $k }}{{ end -}}
{{- end }}
{{- end -}}
{{- toJson $keys -}}
{{- end }}

{{/* "true" when embedding-service keeps its Lucene index on a volume (any store but qdrant). */}}
{{- define "triage.embeddingIndexOnDisk" -}}
{{- if ne (lower (toString (default "lucene" .env.TRIAGE_EMBEDDING_STORE))) "qdrant" }}true{{ end -}}
{{- end }}

{{/*
"true" when a service runs behind a HorizontalPodAutoscaler (services.<name>.autoscaled). embedding-service may only
with its vectors in the shared Qdrant: with Lucene every pod has its own index on its own disk, so an index write or an
erasure would reach only the pod that took the call. With Lucene it runs exactly one pod; anything else fails.
Takes a dict: name, svc.
*/}}
{{- define "triage.autoscaled" -}}
{{- if and (eq .name "embedding-service") (include "triage.embeddingIndexOnDisk" .svc) }}
{{- if .svc.autoscaled }}
{{- fail "services.embedding-service.autoscaled=true needs TRIAGE_EMBEDDING_STORE=qdrant (services.embedding-service.env): with the Lucene store every pod has its own index, so an index write or an erasure would reach only one pod. Set autoscaled: false and replicas: 1, or move the vectors to Qdrant" }}
{{- end }}
{{- if ne (int .svc.replicas) 1 }}
{{- fail (printf "services.embedding-service.replicas=%v needs TRIAGE_EMBEDDING_STORE=qdrant (services.embedding-service.env): with the Lucene store every pod has its own index, so run exactly 1 replica or move the vectors to Qdrant" .svc.replicas) }}
{{- end }}
{{- else if .svc.autoscaled }}true{{ end -}}
{{- end }}

{{/*
"true" when a service's pod holds a ReadWriteOnce volume (audit-service's local archive, auditArchive.accessMode): a
surge pod scheduled to another node could never attach it, so a rolling update with maxUnavailable 0 would stall. Such
a Deployment is recreated (the old pod stops before the new one starts) and runs exactly one pod. Takes a dict: root,
name, svc.
*/}}
{{- define "triage.holdsReadWriteOnceVolume" -}}
{{- if and (eq .name "audit-service") (include "triage.auditArchiveOnDisk" .svc) (has .root.Values.auditArchive.accessMode (list "ReadWriteOnce" "ReadWriteOncePod")) }}
{{- if or .svc.autoscaled (ne (int .svc.replicas) 1) }}
{{- fail (printf "services.audit-service.replicas must be 1 (and autoscaled off) with the local archive on a %s volume (auditArchive.accessMode): a second pod could not attach it; use a ReadWriteMany class (azurefile-csi) or the azure store" .root.Values.auditArchive.accessMode) }}
{{- end -}}
true
{{- end }}
{{- end }}

{{/* "true" when audit-service archives to a local directory (TRIAGE_AUDIT_ARCHIVE_STORE local): a PVC then. */}}
{{- define "triage.auditArchiveOnDisk" -}}
{{- if eq (lower (toString (default "local" .env.TRIAGE_AUDIT_ARCHIVE_STORE))) "local" }}true{{ end -}}
{{- end }}

{{/* Checksum of a service's ConfigMap data: a changed environment rolls its pods. */}}
{{- define "triage.configChecksum" -}}
{{- include "triage.configEnv" . | sha256sum -}}
{{- end }}

{{/* The database server's CA certificates (database.sslRootCert), mounted where the JDBC URL's sslrootcert points. */}}
{{- define "triage.dbCaMount" -}}
{{- if .Values.database.sslRootCert.configMap }}
- {name: db-ca, mountPath: {{ .Values.database.sslRootCert.mountPath }}, readOnly: true}
{{- end }}
{{- end }}
{{- define "triage.dbCaVolume" -}}
{{- if .Values.database.sslRootCert.configMap }}
- {name: db-ca, configMap: {name: {{ .Values.database.sslRootCert.configMap }}}}
{{- end }}
{{- end }}

{{/*
The name of a service's own Secret (services.<name>.existingSecret): required, and no other service may name the same
one, so that a compromised pod holds only its own outbound key and database password.
*/}}
{{- define "triage.secretName" -}}
{{- $secret := required (printf "services.%s.existingSecret is required (the service's own Secret)" .name) .svc.existingSecret -}}
{{- range $other, $o := .root.Values.services }}
{{- if and (ne $other $.name) (eq $o.existingSecret $secret) }}
{{- fail (printf "services.%s.existingSecret and services.%s.existingSecret name the same Secret %s: each service needs its own" $.name $other $secret) }}
{{- end }}
{{- end }}
{{- $secret -}}
{{- end }}

{{/*
The keys one workload accepts (apiKeys.<holder>.acceptedBy names it), numbered from 0, as digests only. A holder without
a digest is still listed (and accepts nothing): the list always replaces the local default keys. Takes a dict: root,
name (a service, or console).
*/}}
{{- define "triage.acceptedKeys" -}}
{{- $root := .root -}}
{{- $name := .name -}}
{{- $i := 0 }}
{{- range $holder, $key := $root.Values.apiKeys }}
{{- if has $name $key.acceptedBy }}
{{- if and $key.sha256 (not (regexMatch "^[0-9a-fA-F]{64}$" $key.sha256)) }}
{{- fail (printf "apiKeys.%s.sha256 must be the SHA-256 digest of the key as 64 hex digits (printf %%s \"$KEY\" | sha256sum)" $holder) }}
{{- end }}
TRIAGE_PLATFORM_SECURITY_API_KEYS_{{ $i }}_NAME: {{ $holder | quote }}
TRIAGE_PLATFORM_SECURITY_API_KEYS_{{ $i }}_ROLES: {{ join "," $key.roles | quote }}
TRIAGE_PLATFORM_SECURITY_API_KEYS_{{ $i }}_KEY_SHA256: {{ $key.sha256 | default "" | quote }}
{{- $i = add1 $i }}
{{- end }}
{{- end }}
{{- end }}

{{/*
The console's environment (its ConfigMap console-env): the platform's security settings, the digests of the keys that
name it (people's keys and Prometheus'), the Secure session cookie, the client address from ingress-nginx's
X-Forwarded-For (the sign-in limit counts per address), tracing and its upstreams' URLs (triage.console.<service>).
No database, Redis or outbound key: it calls the services with the signed-in person's key.
*/}}
{{- define "triage.consoleEnv" -}}
JAVA_TOOL_OPTIONS: {{ .Values.console.javaToolOptions | quote }}
TRIAGE_PLATFORM_SECURITY_MODE: {{ .Values.security.mode | quote }}
TRIAGE_PLATFORM_SECURITY_ALLOW_DEFAULT_KEYS: "false"
SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI: {{ .Values.security.jwtIssuerUri | quote }}
TRIAGE_PLATFORM_SECURITY_JWT_AUDIENCES: {{ join "," .Values.security.jwtAudiences | quote }}
TRIAGE_PLATFORM_SECURITY_JWT_AUTHORIZED_PARTIES: {{ join "," .Values.security.jwtAuthorizedParties | quote }}
TRIAGE_PLATFORM_SECURITY_JWT_ROLE_PREFIX: {{ .Values.security.jwtRolePrefix | quote }}
{{- include "triage.acceptedKeys" (dict "root" . "name" "console") }}
SERVER_SERVLET_SESSION_COOKIE_SECURE: "true"
SERVER_FORWARD_HEADERS_STRATEGY: "native"
MANAGEMENT_TRACING_SAMPLING_PROBABILITY: {{ .Values.tracing.samplingProbability | quote }}
{{- if .Values.tracing.otlpEndpoint }}
MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT: {{ .Values.tracing.otlpEndpoint | quote }}
{{- end }}
{{- with .Values.console.oidc }}
{{- if .enabled }}
{{- if ne $.Values.security.mode "jwt" }}
{{- fail "console.oidc.enabled needs security.mode=jwt: the console calls the services with the person's access token, which only jwt mode accepts" }}
{{- end }}
{{- if not (regexMatch "^[a-z][a-z0-9]*$" .registration) }}
{{- fail (printf "console.oidc.registration=%q: lower-case letters and digits only (it becomes part of environment variable names and of the redirect URI)" .registration) }}
{{- end }}
{{- $reg := .registration | upper }}
TRIAGE_CONSOLE_SIGN_IN_OIDC_REGISTRATION: {{ .registration | quote }}
TRIAGE_CONSOLE_SIGN_IN_API_KEY: {{ .apiKeySignIn | quote }}
SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_{{ $reg }}_CLIENT_ID: {{ required "console.oidc.clientId is required when console.oidc.enabled" .clientId | quote }}
SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_{{ $reg }}_CLIENT_NAME: {{ .clientName | quote }}
SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_{{ $reg }}_SCOPE: {{ join "," .scopes | quote }}
SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_{{ $reg }}_ISSUER_URI: {{ default $.Values.security.jwtIssuerUri .issuerUri | quote }}
SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_{{ $reg }}_USER_NAME_ATTRIBUTE: {{ .userNameAttribute | quote }}
{{- if $.Values.ingress.console.enabled }}
TRIAGE_CONSOLE_SIGN_IN_POST_LOGOUT_REDIRECT_URI: "https://{{ $.Values.ingress.console.host }}/"
{{- end }}
{{- end }}
{{- end }}
{{- range $up := .Values.console.upstreams }}
TRIAGE_CONSOLE_{{ $up | upper | replace "-" "_" }}: "http://{{ $up }}:{{ (index $.Values.services $up).port }}"
{{- end }}
{{- range $var, $value := .Values.console.env }}
{{ $var }}: {{ $value | quote }}
{{- end }}
{{- end }}
