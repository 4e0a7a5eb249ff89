package io.mirrorscope.kafka.tunnel;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * JEP 418 resolver: names in {@link BrokerNames} resolve to their tunnel's loopback address, everything else goes
 * to the JDK's built-in resolver unchanged. Registered in {@code META-INF/services}; this is how Kafka clients reach
 * brokers that advertise in-cluster names, with TLS host name checks intact and without root or /etc/hosts.
 */
public final class BrokerNameResolverProvider extends InetAddressResolverProvider {

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                Optional<InetAddress> mine = BrokerNames.lookup(host);
                if (mine.isPresent()) {
                    InetAddress a = mine.get();
                    int c = policy.characteristics();
                    boolean v4 = (c & LookupPolicy.IPV4) != 0;
                    boolean v6 = (c & LookupPolicy.IPV6) != 0;
                    if ((a instanceof Inet4Address && v4) || (a instanceof Inet6Address && v6)) {
                        return Stream.of(InetAddress.getByAddress(host, a.getAddress()));
                    }
                    throw new UnknownHostException(host + " (tunnel address family not allowed by lookup policy)");
                }
                return builtin.lookupByName(host, policy);
            }

            @Override
            public String lookupByAddress(byte[] addr) throws UnknownHostException {
                Optional<String> mine = BrokerNames.nameOf(InetAddress.getByAddress(addr));
                return mine.isPresent() ? mine.get() : builtin.lookupByAddress(addr);
            }
        };
    }

    @Override
    public String name() {
        return "mirrorscope-broker-names";
    }
}
