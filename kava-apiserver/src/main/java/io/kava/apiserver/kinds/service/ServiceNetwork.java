package io.kava.apiserver.kinds.service;

import java.net.Inet4Address;
import java.net.InetAddress;

import io.kava.apiserver.kinds.validation.Names;

/**
 * The service network of the cluster: the IPv4 CIDR cluster IPs come from ({@code --service-cluster-ip-range}) and
 * the node port range ({@code --service-node-port-range}). The network and broadcast addresses are never handed out,
 * and the first address after the network address is reserved for the {@code default/kubernetes} Service.
 *
 * @param serviceCidr the IPv4 CIDR of cluster IPs, for example {@code 10.43.0.0/16}
 * @param nodePortMin the first node port
 * @param nodePortMax the last node port
 */
public record ServiceNetwork(String serviceCidr, int nodePortMin, int nodePortMax) {

    /** Kava's defaults: {@code 10.43.0.0/16} and {@code 30000-32767}. */
    public static final ServiceNetwork DEFAULT = new ServiceNetwork("10.43.0.0/16", 30000, 32767);

    public ServiceNetwork {
        int slash = serviceCidr.indexOf('/');
        InetAddress base = slash < 0 ? null : Names.parseIp(serviceCidr.substring(0, slash));
        if (!(base instanceof Inet4Address)) {
            throw new IllegalArgumentException("service CIDR must be an IPv4 CIDR: " + serviceCidr);
        }
        int prefix = Integer.parseInt(serviceCidr.substring(slash + 1));
        if (prefix < 8 || prefix > 30) {
            throw new IllegalArgumentException("service CIDR prefix must be between /8 and /30: " + serviceCidr);
        }
        if ((toLong(base) & ~mask(prefix)) != 0) {
            throw new IllegalArgumentException("service CIDR has host bits set: " + serviceCidr);
        }
        if (nodePortMin < 1 || nodePortMax > 65535 || nodePortMin > nodePortMax) {
            throw new IllegalArgumentException("bad node port range " + nodePortMin + "-" + nodePortMax);
        }
    }

    /** The network address as an unsigned 32-bit number. */
    long network() {
        int slash = serviceCidr.indexOf('/');
        return toLong(Names.parseIp(serviceCidr.substring(0, slash)));
    }

    /** How many addresses the CIDR spans, network and broadcast included. */
    long size() {
        return 1L << (32 - Integer.parseInt(serviceCidr.substring(serviceCidr.indexOf('/') + 1)));
    }

    /** Is {@code ip} an address the allocator may hand out (inside the CIDR, not network or broadcast)? */
    boolean inRange(String ip) {
        InetAddress address = Names.parseIp(ip);
        if (!(address instanceof Inet4Address)) {
            return false;
        }
        long value = toLong(address);
        return value > network() && value < network() + size() - 1;
    }

    /** The address reserved for the {@code kubernetes} Service. */
    public String kubernetesServiceIp() {
        return toIp(network() + 1);
    }

    boolean portInRange(long port) {
        return port >= nodePortMin && port <= nodePortMax;
    }

    /** {@code 30000-32767}, as Kubernetes prints the range. */
    String portRange() {
        return nodePortMin + "-" + nodePortMax;
    }

    static String toIp(long value) {
        return ((value >> 24) & 0xff) + "." + ((value >> 16) & 0xff) + "." + ((value >> 8) & 0xff) + "."
                + (value & 0xff);
    }

    private static long toLong(InetAddress address) {
        long value = 0;
        for (byte b : address.getAddress()) {
            value = (value << 8) | (b & 0xff);
        }
        return value;
    }

    private static long mask(int prefix) {
        return (0xffffffffL << (32 - prefix)) & 0xffffffffL;
    }
}
