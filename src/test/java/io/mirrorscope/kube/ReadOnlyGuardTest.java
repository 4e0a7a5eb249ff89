package io.mirrorscope.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The guard's allow-list, request by request: each allowed kind of request, and each refused one. */
class ReadOnlyGuardTest {

    @ParameterizedTest(name = "allowed: {0} {1}")
    @CsvSource({
        // discovery
        "GET, /api",
        "GET, /api/v1",
        "GET, /apis",
        "GET, /apis/kafka.strimzi.io",
        "GET, /apis/kafka.strimzi.io/v1beta2",
        "GET, /version",
        "GET, /openapi/v3/apis/kafka.strimzi.io/v1beta2",
        // get, list, watch
        "GET, /api/v1/namespaces",
        "GET, /api/v1/namespaces/kafka",
        "GET, /api/v1/namespaces/kafka/secrets",
        "GET, /api/v1/namespaces/kafka/secrets/c-cluster-ca-cert",
        "GET, /api/v1/pods?watch=true&resourceVersion=1",
        "GET, /apis/kafka.strimzi.io/v1beta2/namespaces/kafka/kafkas?watch=true",
        "GET, /apis/kafka.strimzi.io/v1/kafkas",
        "GET, /apis/route.openshift.io/v1/namespaces/kafka/routes/r/",
        // read-only subresources; a followed log is a stream, but a read
        "GET, /apis/kafka.strimzi.io/v1beta2/namespaces/kafka/kafkas/c/status",
        "GET, /apis/apps/v1/namespaces/kafka/deployments/d/scale",
        "GET, /api/v1/namespaces/kafka/pods/c-kafka-0/log?follow=true&container=kafka",
        // the service proxy, GET only
        "GET, /api/v1/namespaces/tracing/services/jaeger-query:16686/proxy/api/traces",
        "GET, /api/v1/namespaces/tracing/services/https:jaeger-query:16686/proxy/api/traces/4bf92f35?raw=true",
        "GET, /api/v1/namespaces/tracing/services/jaeger-query:16686/proxy",
        // the port-forward upgrade: WebSocket (GET) and SPDY (POST)
        "GET, /api/v1/namespaces/kafka/pods/c-kafka-0/portforward?ports=9092",
        "POST, /api/v1/namespaces/kafka/pods/c-kafka-0/portforward?ports=9092",
        // self reviews
        "POST, /apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
        "POST, /apis/authorization.k8s.io/v1/selfsubjectrulesreviews",
        "POST, /apis/authorization.k8s.io/v1beta1/selfsubjectaccessreviews/",
        "post, /apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
        "POST, /apis/authentication.k8s.io/v1/selfsubjectreviews",
        "POST, /apis/authentication.k8s.io/v1beta1/selfsubjectreviews"})
    void allows(String method, String path) {
        assertThat(ReadOnlyGuard.decide(method, uri(path))).isTrue();
    }

    @ParameterizedTest(name = "refused: {0} {1}")
    @CsvSource({
        // exec and attach are GET upgrades in fabric8 and kubectl; POST in old clients
        "GET, /api/v1/namespaces/kafka/pods/c-kafka-0/exec?command=sh&stdin=true&tty=true",
        "POST, /api/v1/namespaces/kafka/pods/c-kafka-0/exec?command=sh",
        "GET, /api/v1/namespaces/kafka/pods/c-kafka-0/attach?stdin=true",
        "POST, /api/v1/namespaces/kafka/pods/c-kafka-0/attach",
        // proxies other than the service proxy, and the service proxy with anything but GET
        "GET, /api/v1/nodes/worker-1/proxy/run/kafka/c-kafka-0/kafka",
        "GET, /api/v1/namespaces/kafka/pods/c-kafka-0/proxy/metrics",
        "GET, /api/v1/proxy/namespaces/kafka/services/jaeger",
        "POST, /api/v1/namespaces/kafka/services/jaeger:16686/proxy/api/traces",
        "PUT, /api/v1/namespaces/kafka/services/jaeger:16686/proxy/api/traces",
        "DELETE, /api/v1/namespaces/kafka/services/jaeger:16686/proxy/api/traces",
        // writes of every kind
        "POST, /api/v1/namespaces",
        "POST, /api/v1/namespaces/kafka/pods/c-kafka-0/eviction",
        "GET, /api/v1/namespaces/kafka/pods/c-kafka-0/eviction",
        "POST, /api/v1/namespaces/kafka/serviceaccounts/sa/token",
        "POST, /apis/authorization.k8s.io/v1/subjectaccessreviews",
        "POST, /apis/authorization.k8s.io/v1/namespaces/x/localsubjectaccessreviews",
        "POST, /apis/authentication.k8s.io/v1/tokenreviews",
        "POST, /apis/authorization.k8s.io/v1/namespaces/x/selfsubjectaccessreviews",
        "PUT, /apis/kafka.strimzi.io/v1/namespaces/kafka/kafkas/c",
        "PATCH, /apis/kafka.strimzi.io/v1/namespaces/kafka/kafkas/c",
        "PUT, /apis/apps/v1/namespaces/kafka/deployments/d/scale",
        "DELETE, /api/v1/namespaces/kafka/pods/c-kafka-0",
        "DELETE, /api/v1/namespaces/kafka/pods",
        "HEAD, /api/v1/namespaces",
        "OPTIONS, /api",
        // paths that hide another path
        "POST, /api/v1/namespaces/kafka/pods/c-kafka-0/portforward/../eviction",
        "GET, /api/v1/namespaces/kafka/pods/c-kafka-0/log/../exec",
        "GET, /api/v1/namespaces/kafka/pods/c-kafka-0%2Fexec",
        "GET, /api/v1/namespaces/kafka/pods/c-kafka-0/./exec",
        "GET, /api/v1/namespaces/kafka//pods",
        "GET, /api/v1/namespaces/kafka/pods/c-kafka-0/portforward/extra",
        "GET, /api/v1/namespaces/kafka/pods/c-kafka-0/status/extra",
        "GET, /healthz/../api/v1/namespaces/kafka/pods/p/exec"})
    void refuses(String method, String path) {
        assertThat(ReadOnlyGuard.decide(method, uri(path))).isFalse();
    }

    @ParameterizedTest(name = "upgrade {2}: {0} {1} -> {3}")
    @CsvSource({
        "GET, /api/v1/namespaces/kafka/pods/c-kafka-0/portforward?ports=9092, Upgrade=websocket, true",
        "POST, /api/v1/namespaces/kafka/pods/c-kafka-0/portforward?ports=9092, Upgrade=SPDY/3.1, true",
        "GET, /api/v1/namespaces/kafka/pods/c-kafka-0/exec?command=sh, Upgrade=websocket, false",
        "GET, /api/v1/namespaces/kafka/pods/c-kafka-0/attach, Connection=Upgrade, false",
        "GET, /api/v1/namespaces/kafka/pods/c-kafka-0/log, Upgrade=websocket, false",
        "GET, /api/v1/namespaces/kafka/secrets, Sec-WebSocket-Protocol=v4.channel.k8s.io, false",
        "GET, /api/v1/namespaces/kafka/secrets, connection=keep-alive, true",
        "GET, /api/v1/namespaces/tracing/services/jaeger:16686/proxy/ws, upgrade=websocket, false"})
    void upgradesOnlyForPortForward(String method, String path, String header, boolean allowed) {
        String[] kv = header.split("=", 2);
        assertThat(ReadOnlyGuard.decide(method, uri(path), Map.of(kv[0], List.of(kv[1])))).isEqualTo(allowed);
    }

    private static URI uri(String path) {
        return URI.create("https://api.example.test:6443" + path);
    }
}
