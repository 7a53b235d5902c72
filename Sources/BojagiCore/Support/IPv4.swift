/// An IPv4 address, for checking the addresses a blueprint gives.
public struct IPv4: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: UInt32

    public init(_ value: UInt32) { self.value = value }

    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isNumber), let octet = UInt32(part), octet <= 255 else {
                return nil
            }
            value = value << 8 | octet
        }
        self.value = value
    }

    public var description: String {
        [24, 16, 8, 0].map { String(value >> $0 & 0xff) }.joined(separator: ".")
    }

    public func advanced(by offset: Int) -> IPv4? {
        let next = Int64(value) + Int64(offset)
        guard (0...Int64(UInt32.max)).contains(next) else { return nil }
        return IPv4(UInt32(next))
    }

    public static func < (lhs: IPv4, rhs: IPv4) -> Bool { lhs.value < rhs.value }
}

/// An IPv4 network in CIDR notation: `10.0.0.0/24`.
public struct CIDR: Sendable, Hashable, CustomStringConvertible {
    public let network: IPv4
    public let prefix: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let address = IPv4(String(parts[0])), let prefix = Int(parts[1]), (0...32).contains(prefix) else {
            return nil
        }
        let mask: UInt32 = prefix == 0 ? 0 : UInt32.max << (32 - prefix)
        self.network = IPv4(address.value & mask)
        self.prefix = prefix
    }

    public var mask: UInt32 { prefix == 0 ? 0 : UInt32.max << (32 - prefix) }
    public var broadcast: IPv4 { IPv4(network.value | ~mask) }

    public func contains(_ address: IPv4) -> Bool { address.value & mask == network.value }

    /// Usable host addresses (network and broadcast excluded, except for /31 and /32).
    public var hostCount: Int { prefix >= 31 ? 1 << (32 - prefix) : (1 << (32 - prefix)) - 2 }

    public var description: String { "\(network)/\(prefix)" }

    /// The addresses after the first `min(31, a quarter)`, which stay for the hosts' own addresses on the network
    /// (controllers' legs on lb-mgmt or the provisioning network); nil for networks smaller than a /28.
    public var poolAfterHostAddresses: ClosedRange<IPv4>? {
        guard prefix <= 28, let start = network.advanced(by: min(31, hostCount / 4) + 1),
              let end = broadcast.advanced(by: -1), start <= end else { return nil }
        return start...end
    }
}
