# TACE eCRF on the official Payara Micro 6 image (JDK 17), as a non-root user.
#   docker build -t tace-ecrf .
#   docker run -p 8080:8080 -v tace-data:/opt/tace/data \
#     -e TACE_DB_URL=jdbc:postgresql://db:5432/tace -e TACE_DB_USER=tace -e TACE_DB_PASSWORD=secret \
#     -e TACE_DB_DATASOURCE_CLASS=org.postgresql.ds.PGSimpleDataSource -e TACE_DEMO_ENABLED=false tace-ecrf
# Without the TACE_DB_* variables it runs on the embedded H2 database in the data volume.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -B -q dependency:go-offline || true
COPY src src
COPY webapp webapp
COPY config config
RUN mvn -B -q -DskipTests package

FROM payara/micro:6.2025.10-jdk17
USER root
RUN mkdir -p /opt/tace/data /opt/tace/config \
    && chown -R payara:payara /opt/tace
COPY --from=build --chown=payara:payara /build/target/tace-ecrf.war /opt/payara/deployments/tace-ecrf.war
COPY --chown=payara:payara config /opt/tace/config
USER payara
# Behind a TLS proxy also set TACE_SECURITY_COOKIE_SECURE=true.
ENV TACE_CONFIG_DIR=/opt/tace/config \
    TACE_DATA_DIR=/opt/tace/data
VOLUME ["/opt/tace/data"]
EXPOSE 8080
# Port, context root and clustering come from config/payara-micro.properties, as with `mvn -Prun package`.
CMD ["--systemproperties", "/opt/tace/config/payara-micro.properties", "--deploy", "/opt/payara/deployments/tace-ecrf.war"]
