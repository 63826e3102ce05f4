#!/bin/sh
# One-shot, before the broker in docker-compose.yml: the broker's key and self-signed
# certificate (for the host name kafka), made once into the kafka-tls volume as a PKCS12 key
# store, and the certificate alone as ca.pem, which the clients trust (KAFKA_SSL_CA_FILE).
# With a CA of your own, put its broker key store and CA file in the volume instead.
set -eu
[ -f /tls/broker.p12 ] && exit 0
keytool -genkeypair -alias kafka -keyalg RSA -keysize 2048 -validity 3650 \
  -dname CN=kafka -ext SAN=dns:kafka,dns:localhost \
  -keystore /tls/broker.p12.tmp -storetype PKCS12 \
  -storepass "$KAFKA_TLS_STORE_PASSWORD" -keypass "$KAFKA_TLS_STORE_PASSWORD"
keytool -exportcert -rfc -alias kafka -keystore /tls/broker.p12.tmp \
  -storepass "$KAFKA_TLS_STORE_PASSWORD" -file /tls/ca.pem
chmod 644 /tls/ca.pem
mv /tls/broker.p12.tmp /tls/broker.p12
