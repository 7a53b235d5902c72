import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import BojagiCore

/// One HTTP exchange, as a value. Passed in as a protocol so the client never reaches for a global session.
public protocol HTTPClient: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

extension HTTPClient {
    /// Whether a GET of `url` gets an HTTP answer below 500: the service is up, whatever it says.
    public func answers(_ url: String) async -> Bool {
        guard let url = URL(string: url), let response = try? await send(HTTPRequest(url: url)) else { return false }
        return response.status > 0 && response.status < 500
    }
}

public struct HTTPRequest: Sendable {
    public var method: String
    public var url: URL
    public var headers: [String: String]
    public var body: Data?

    public init(method: String = "GET", url: URL, headers: [String: String] = [:], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

public struct HTTPResponse: Sendable {
    public let status: Int
    public let headers: [String: String]
    public let body: Data
    public let seconds: Double

    public func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }

    public var json: Any? { try? JSONSerialization.jsonObject(with: body) }
}

/// URLSession (libcurl on Linux) with a timeout per request.
public final class URLSessionHTTPClient: HTTPClient, @unchecked Sendable {
    private let session: URLSession

    public init(timeout: TimeInterval = 30) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 4
        session = URLSession(configuration: configuration)
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.httpBody = request.body
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        let start = Date()
        let (data, response) = try await session.data(for: urlRequest)
        let http = response as? HTTPURLResponse
        var headers: [String: String] = [:]
        for (key, value) in http?.allHeaderFields ?? [:] { headers["\(key)"] = "\(value)" }
        return HTTPResponse(status: http?.statusCode ?? 0, headers: headers, body: data, seconds: Date().timeIntervalSince(start))
    }
}
