package io.mirrorscope.core.inventory;

import java.util.List;

/**
 * A {@code KafkaUser} (named {@code …Info} so it never clashes with a Kafka client type).
 *
 * @param meta           identity and manifest
 * @param cluster        label {@code strimzi.io/cluster}; null when missing
 * @param authentication spec.authentication.type (tls, tls-external, scram-sha-512); null for none
 * @param authorization  spec.authorization.type (simple, …); null for none
 * @param username       status.username ({@code CN=<name>} for tls users); may be null
 * @param secret         status.secret, the Secret holding the credentials; may be null
 * @param conditions     status conditions
 * @param notes          reader notes
 */
public record KafkaUserInfo(ResourceMeta meta, String cluster, String authentication, String authorization,
                            String username, String secret, List<Condition> conditions, List<String> notes) {

    public KafkaUserInfo {
        conditions = List.copyOf(conditions);
        notes = List.copyOf(notes);
    }

    public boolean ready() {
        return Condition.ready(conditions);
    }
}
