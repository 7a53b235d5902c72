import Foundation
#if canImport(Glibc)
import Glibc
#endif
import BojagiCore
import BojagiOpenStack

/// Whether something accepts TCP connections on a loopback port. Passed in beside the process runner.
public protocol PortProbe: Sendable {
    func isListening(_ port: Int) -> Bool
}

public struct SocketPortProbe: PortProbe {
    public init() {}

    public func isListening(_ port: Int) -> Bool { Self.accepts(address: "127.0.0.1", port: port) }

    /// Whether `address` accepts a TCP connection on `port` within a second (a namespace's address on the HA lab's
    /// bridge: refused at once when nothing listens).
    public static func accepts(address: String, port: Int) -> Bool {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var limit = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var socketAddress = sockaddr_in()
        socketAddress.sin_family = sa_family_t(AF_INET)
        socketAddress.sin_port = in_port_t(UInt16(port).bigEndian)
        socketAddress.sin_addr.s_addr = inet_addr(address)
        let result = withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return result == 0
        #else
        return false
        #endif
    }
}
