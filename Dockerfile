# One image per service: docker build --build-arg SERVICE=classify-service -t triage/classify-service .
# Build the jars first (./mvnw -DskipTests install); the image packages the runnable *-exec.jar, extracted.
FROM eclipse-temurin:25-jre AS extract
ARG SERVICE
COPY ${SERVICE}/target/${SERVICE}-*-exec.jar /tmp/app.jar
# The extracted layout (app.jar plus lib/, one layer per kind so a code change rebuilds only the last): classes load
# from plain jars, not through the executable jar's nested-jar channel, which a virtual thread interrupted during
# class loading can close for every other thread (spring-boot#51463; it stalled classify-service under load).
RUN java -Djarmode=tools -jar /tmp/app.jar extract --layers --destination /tmp/extracted

FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 triage && mkdir -p /var/lib/triage && chown triage /var/lib/triage
COPY --from=extract /tmp/extracted/dependencies/ /opt/triage/
COPY --from=extract /tmp/extracted/spring-boot-loader/ /opt/triage/
COPY --from=extract /tmp/extracted/snapshot-dependencies/ /opt/triage/
COPY --from=extract /tmp/extracted/application/ /opt/triage/
USER 10001
WORKDIR /var/lib/triage
# Heap fits the 512 MiB default of DESIGN.md §4; large indexes are memory-mapped files, not heap.
ENV JAVA_TOOL_OPTIONS="-Xmx512m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/opt/triage/app.jar"]
