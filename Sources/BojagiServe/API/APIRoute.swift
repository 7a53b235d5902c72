import Foundation
import Hummingbird

/// One `/api/` route: its path, what it answers, its query parameters and its handler. The router is built
/// from the table and so is the OpenAPI document, so the two cannot drift apart.
struct APIRoute: Sendable {
    struct Parameter: Sendable {
        let name: String
        let description: String
        let required: Bool
        let type: String
    }

    let path: String
    let summary: String
    let parameters: [Parameter]
    /// The media type of a 200 answer.
    let contentType: String
    let handler: @Sendable (Request, Dashboard) async throws -> Response

    init(_ path: String, _ summary: String, parameters: [Parameter] = [], contentType: String = "application/json",
         handler: @escaping @Sendable (Request, Dashboard) async throws -> Response) {
        self.path = path
        self.summary = summary
        self.parameters = parameters
        self.contentType = contentType
        self.handler = handler
    }
}

/// An answer the API gives instead of its data: the status and a message that says what to do.
struct APIFailure: Error {
    let status: HTTPResponse.Status
    let message: String
}

enum Responses {
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return bytes(try encoder.encode(value), type: "application/json", status: status)
    }

    static func text(_ text: String, type: String, status: HTTPResponse.Status = .ok) -> Response {
        bytes(Data(text.utf8), type: type, status: status)
    }

    static func bytes(_ data: Data, type: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: type, .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func failure(_ failure: APIFailure) -> Response {
        (try? json(["error": failure.message], status: failure.status)) ?? text(failure.message, type: "text/plain", status: failure.status)
    }
}

extension Request {
    func query(_ name: String) -> String? {
        uri.queryParameters.get(name).flatMap { $0.isEmpty ? nil : $0 }
    }

    func integer(_ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = query(name) else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw APIFailure(status: .badRequest, message: "query parameter '\(name)' must be a whole number in \(range.lowerBound)...\(range.upperBound), not '\(text)'")
        }
        return number
    }
}
