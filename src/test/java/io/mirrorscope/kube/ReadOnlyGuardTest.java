package io.mirrorscope.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The guard's rule, request by request. */
class ReadOnlyGuardTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "GET, /api/v1/namespaces/kafka/secrets, true",
        "GET, /apis/kafka.strimzi.io/v1beta2/namespaces/kafka/kafkas?watch=true, true",
        "GET, /api/v1/namespaces/tracing/services/jaeger-query:16686/proxy/api/traces, true",
        "GET, /api/v1/namespaces/kafka/pods/c-kafka-0/portforward?ports=9092, true",
        "POST, /api/v1/namespaces/kafka/pods/c-kafka-0/portforward?ports=9092, true",
        "POST, /apis/authorization.k8s.io/v1/selfsubjectaccessreviews, true",
        "POST, /apis/authorization.k8s.io/v1/selfsubjectrulesreviews, true",
        "POST, /apis/authorization.k8s.io/v1beta1/selfsubjectaccessreviews/, true",
        "post, /apis/authorization.k8s.io/v1/selfsubjectaccessreviews, true",
        "POST, /apis/authorization.k8s.io/v1/subjectaccessreviews, false",
        "POST, /apis/authorization.k8s.io/v1/namespaces/x/localsubjectaccessreviews, false",
        "POST, /api/v1/namespaces, false",
        "POST, /api/v1/namespaces/kafka/pods/c-kafka-0/exec?command=sh, false",
        "POST, /api/v1/namespaces/kafka/pods/c-kafka-0/portforward/../eviction, false",
        "POST, /api/v1/namespaces/kafka/services/jaeger:16686/proxy/api/traces, false",
        "PUT, /apis/kafka.strimzi.io/v1/namespaces/kafka/kafkas/c, false",
        "PATCH, /apis/kafka.strimzi.io/v1/namespaces/kafka/kafkas/c, false",
        "DELETE, /api/v1/namespaces/kafka/pods/c-kafka-0, false",
        "HEAD, /api/v1/namespaces, false",
        "OPTIONS, /api, false"})
    void decides(String method, String path, boolean allowed) {
        assertThat(ReadOnlyGuard.decide(method, URI.create("https://api.example.test:6443" + path)))
                .isEqualTo(allowed);
    }
}
