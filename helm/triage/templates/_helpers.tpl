{{/*
The environment of one service, shared by its Deployment and its migration Job. Takes a dict: root (the chart's
root context), name (the service), svc (its values), migration (true for the Job: no outbound API key). Every secret
comes from the service's own Secret (services.<name>.existingSecret); it holds no database admin credentials (only
the migration Job adds those) and accepted API keys are digests only.
*/}}
{{- define "triage.env" -}}
{{- $root := .root -}}
{{- $name := .name -}}
{{- $svc := .svc -}}
{{- $secret := include "triage.secretName" (dict "root" $root "name" $name "svc" $svc) -}}
- {name: JAVA_TOOL_OPTIONS, value: {{ $root.Values.javaToolOptions | quote }}}
- {name: SPRING_DATASOURCE_URL, value: {{ $root.Values.database.url | quote }}}
- {name: SPRING_DATASOURCE_PASSWORD, valueFrom: {secretKeyRef: {name: {{ $secret }}, key: db-password}}}
- {name: SPRING_DATA_REDIS_HOST, value: {{ $root.Values.redis.host | quote }}}
- {name: SPRING_DATA_REDIS_PORT, value: {{ $root.Values.redis.port | quote }}}
- {name: SPRING_DATA_REDIS_SSL_ENABLED, value: {{ $root.Values.redis.ssl | quote }}}
- {name: SPRING_DATA_REDIS_PASSWORD, valueFrom: {secretKeyRef: {name: {{ $secret }}, key: redis-password}}}
- {name: TRIAGE_PLATFORM_SECURITY_MODE, value: {{ $root.Values.security.mode | quote }}}
- {name: TRIAGE_PLATFORM_SECURITY_ALLOW_DEFAULT_KEYS, value: "false"}
- {name: SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI, value: {{ $root.Values.security.jwtIssuerUri | quote }}}
- {name: TRIAGE_PLATFORM_SECURITY_JWT_AUDIENCES, value: {{ join "," $root.Values.security.jwtAudiences | quote }}}
- {name: TRIAGE_PLATFORM_SECURITY_JWT_AUTHORIZED_PARTIES, value: {{ join "," $root.Values.security.jwtAuthorizedParties | quote }}}
- {name: TRIAGE_PLATFORM_SECURITY_JWT_ROLE_PREFIX, value: {{ $root.Values.security.jwtRolePrefix | quote }}}
{{- /*
The keys this service accepts (apiKeys.<holder>.acceptedBy), numbered from 0, as digests only. A holder without a
digest is still listed (and accepts nothing): the list always replaces the services' local default keys.
*/}}
{{- $i := 0 }}
{{- range $holder, $key := $root.Values.apiKeys }}
{{- if has $name $key.acceptedBy }}
{{- if and $key.sha256 (not (regexMatch "^[0-9a-fA-F]{64}$" $key.sha256)) }}
{{- fail (printf "apiKeys.%s.sha256 must be the SHA-256 digest of the key as 64 hex digits (printf %%s \"$KEY\" | sha256sum)" $holder) }}
{{- end }}
- {name: TRIAGE_PLATFORM_SECURITY_API_KEYS_{{ $i }}_NAME, value: {{ $holder | quote }}}
- {name: TRIAGE_PLATFORM_SECURITY_API_KEYS_{{ $i }}_ROLES, value: {{ join "," $key.roles | quote }}}
- {name: TRIAGE_PLATFORM_SECURITY_API_KEYS_{{ $i }}_KEY_SHA256, value: {{ $key.sha256 | default "" | quote }}}
{{- $i = add1 $i }}
{{- end }}
{{- end }}
{{- if and $svc.apiKeyEnv (not .migration) }}
- {name: {{ $svc.apiKeyEnv }}, valueFrom: {secretKeyRef: {name: {{ $secret }}, key: api-key}}}
{{- end }}
{{- range $var, $key := $svc.secretEnv }}
- {name: {{ $var }}, valueFrom: {secretKeyRef: {name: {{ $secret }}, key: {{ $key }}}}}
{{- end }}
{{- range $var, $key := $svc.optionalSecretEnv }}
- {name: {{ $var }}, valueFrom: {secretKeyRef: {name: {{ $secret }}, key: {{ $key }}, optional: true}}}
{{- end }}
{{- range $var, $value := $svc.env }}
- {name: {{ $var }}, value: {{ $value | quote }}}
{{- end }}
{{- if and (eq $name "classify-service") $root.Values.mlflow.trackingUri }}
- {name: MLFLOW_TRACKING_URI, value: {{ $root.Values.mlflow.trackingUri | quote }}}
- {name: TRIAGE_CLASSIFY_MODELS_MLFLOW_EXPERIMENT, value: {{ $root.Values.mlflow.experiment | quote }}}
- {name: TRIAGE_CLASSIFY_MODELS_MLFLOW_REGISTERED_MODEL, value: {{ $root.Values.mlflow.registeredModel | quote }}}
{{- if $root.Values.mlflow.tokenSecretKey }}
- {name: MLFLOW_TRACKING_TOKEN, valueFrom: {secretKeyRef: {name: {{ $secret }}, key: {{ $root.Values.mlflow.tokenSecretKey }}}}}
{{- end }}
{{- if $root.Values.mlflow.usernameSecretKey }}
- {name: MLFLOW_TRACKING_USERNAME, valueFrom: {secretKeyRef: {name: {{ $secret }}, key: {{ $root.Values.mlflow.usernameSecretKey }}}}}
- {name: MLFLOW_TRACKING_PASSWORD, valueFrom: {secretKeyRef: {name: {{ $secret }}, key: {{ $root.Values.mlflow.passwordSecretKey }}}}}
{{- end }}
{{- end }}
{{- if $root.Values.tracing.otlpEndpoint }}
- {name: MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT, value: {{ $root.Values.tracing.otlpEndpoint | quote }}}
{{- end }}
{{- range $other, $o := $root.Values.services }}
- {name: TRIAGE_{{ $other | upper | replace "-SERVICE" "" | replace "-" "_" }}_URL, value: "http://{{ $other }}:{{ $o.port }}"}
{{- end }}
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
