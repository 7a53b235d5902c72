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

    public func isListening(_ port: Int) -> Bool {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return result == 0
        #else
        return false
        #endif
    }
}
