import Foundation
import Hummingbird

/// With a token set (the server listens beyond loopback), every request must carry it: `Authorization: Bearer`,
/// or `?token=` once, which sets an HttpOnly cookie so the page's links and fetch() calls carry it after.
struct TokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String
    static var cookie: String { "bojagi_token" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let bearer = request.headers[.authorization].flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil }
        let query = request.uri.queryParameters.get("token")
        let cookie = request.cookies[Self.cookie]?.value
        guard [bearer, query, cookie].contains(where: { $0.map(matches) == true }) else {
            return Responses.text("a token is required: send `Authorization: Bearer TOKEN` or open the page once with ?token=TOKEN\n",
                                  type: "text/plain; charset=utf-8", status: .unauthorized)
        }
        var response = try await next(request, context)
        if query != nil, cookie == nil {
            response.setCookie(Cookie(name: Self.cookie, value: token, path: "/", httpOnly: true, sameSite: .strict))
        }
        return response
    }

    /// Compares every byte, so the time taken says nothing about how much of a guess was right.
    func matches(_ candidate: String) -> Bool {
        let left = Array(candidate.utf8), right = Array(token.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
