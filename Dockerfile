# One image per service: docker build --build-arg SERVICE=classify-service -t triage/classify-service .
# Build the jars first (./mvnw -DskipTests install); the image only packages the runnable *-exec.jar.
FROM eclipse-temurin:25-jre
ARG SERVICE
RUN useradd --system --uid 10001 triage && mkdir -p /var/lib/triage && chown triage /var/lib/triage
COPY ${SERVICE}/target/${SERVICE}-*-exec.jar /opt/triage/app.jar
USER 10001
WORKDIR /var/lib/triage
# Heap fits the 512 MiB default of DESIGN.md §4; large indexes are memory-mapped files, not heap.
ENV JAVA_TOOL_OPTIONS="-Xmx512m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/opt/triage/app.jar"]
