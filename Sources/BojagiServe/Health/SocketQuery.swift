import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One request, one answer over a TCP or Unix socket: memcached's `stats`, HAProxy's `show stat`. Blocking
/// calls with a receive timeout, run off the cooperative pool.
enum SocketQuery {
    enum Address: Sendable {
        case tcp(host: String, port: Int)
        case unix(path: String)
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Sends `request` and reads until the peer closes or `terminator` arrives.
    static func ask(_ address: Address, _ request: String, terminator: String? = nil, seconds: Int = 3) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try askBlocking(address, request, terminator: terminator, seconds: seconds) })
            }
        }
    }

    static func askBlocking(_ address: Address, _ request: String, terminator: String?, seconds: Int) throws -> String {
        let family: Int32
        switch address {
        case .tcp: family = AF_INET
        case .unix: family = AF_UNIX
        }
        let fd = socket(family, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected: Int32
        switch address {
        case .tcp(let host, let port):
            var socketAddress = sockaddr_in()
            socketAddress.sin_family = sa_family_t(AF_INET)
            socketAddress.sin_port = in_port_t(UInt16(port).bigEndian)
            guard inet_pton(AF_INET, host, &socketAddress.sin_addr) == 1 else { throw Failure(description: "not an IPv4 address: \(host)") }
            connected = withUnsafePointer(to: &socketAddress) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        case .unix(let path):
            var socketAddress = sockaddr_un()
            socketAddress.sun_family = sa_family_t(AF_UNIX)
            let bytes = Array(path.utf8)
            guard bytes.count < MemoryLayout.size(ofValue: socketAddress.sun_path) else { throw Failure(description: "socket path too long: \(path)") }
            withUnsafeMutableBytes(of: &socketAddress.sun_path) { buffer in
                for (index, byte) in bytes.enumerated() { buffer[index] = byte }
            }
            connected = withUnsafePointer(to: &socketAddress) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
        }
        guard connected == 0 else { throw Failure(description: "connect: \(String(cString: strerror(errno)))") }
        let data = Array(request.utf8)
        guard send(fd, data, data.count, Int32(MSG_NOSIGNAL)) == data.count else { throw Failure(description: "send: \(String(cString: strerror(errno)))") }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16384)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count < 0 {
                if answer.isEmpty { throw Failure(description: "no answer: \(String(cString: strerror(errno)))") }
                break
            }
            if count == 0 { break }
            answer += buffer[0..<count]
            if let terminator, String(decoding: answer.suffix(terminator.utf8.count), as: UTF8.self) == terminator { break }
            if answer.count > 4 << 20 { break }
        }
        return String(decoding: answer, as: UTF8.self)
    }
}
