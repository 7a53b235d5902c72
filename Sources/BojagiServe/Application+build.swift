import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// Where the server listens and whether it asks for a token.
public struct ServeSettings: Sendable {
    public var host: String
    public var port: Int
    /// Required on every request when set.
    public var token: String?

    public init(host: String = "127.0.0.1", port: Int = 8080, token: String? = nil) {
        self.host = host
        self.port = port
        self.token = token
    }

    /// 127.0.0.0/8, ::1 and localhost: the addresses only this machine reaches.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

/// The router, used by `bojagi serve` and by the tests alike.
public func buildRouter(_ dashboard: Dashboard, token: String?) -> Router<BasicRequestContext> {
    let router = Router()
    if let token { router.add(middleware: TokenMiddleware(token: token)) }
    let subtitle = dashboard.subtitle
    @Sendable func page(_ html: String) -> Response { Responses.text(html, type: "text/html; charset=utf-8") }

    router.get("/") { _, _ in page(PlanPages.package(dashboard.blueprint?.plan, subtitle: subtitle)) }
    router.get("/topology") { _, _ in page(PlanPages.topology(dashboard.blueprint?.plan, networks: dashboard.blueprint?.networks, subtitle: subtitle)) }
    router.get("/capacity") { _, _ in page(PlanPages.capacity(dashboard.blueprint?.plan, subtitle: subtitle)) }
    router.get("/health") { _, _ in
        page(LivePages.health(try await dashboard.store.latest(), target: dashboard.collector?.target, refreshSeconds: dashboard.refreshSeconds, subtitle: subtitle))
    }
    router.get("/logs") { request, _ in
        var lines: [String]?
        var problem: String?
        let file = request.query("file"), search = request.query("q")
        if let file, let logs = dashboard.logs {
            do { lines = try logs.tail(file, lines: 200, search: search) } catch { problem = (error as? LogFiles.Refused)?.description ?? "\(error)" }
        }
        let status: HTTPResponse.Status = problem == nil ? .ok : .forbidden
        return Responses.text(LivePages.logs(dashboard.logs, file: lines == nil ? nil : file, search: search, lines: lines, error: problem,
                                             console: dashboard.cloud != nil, subtitle: subtitle), type: "text/html; charset=utf-8", status: status)
    }
    router.get("/runs") { _, _ in page(LivePages.runs(dashboard.runs.list(), home: dashboard.runs.home.path, subtitle: subtitle)) }
    router.get("/metrics") { _, _ in
        Responses.text(MetricsText.render(try await dashboard.store.latest()), type: "text/plain; version=0.0.4; charset=utf-8")
    }
    for route in APIRoutes.all {
        router.get(RouterPath(route.path)) { request, _ in
            do { return try await route.handler(request, dashboard) } catch let failure as APIFailure { return Responses.failure(failure) }
        }
    }
    return router
}

/// The application: the router, and beside it the health monitor when something running is watched.
public func buildApplication(_ dashboard: Dashboard, settings: ServeSettings, logger: Logger) -> some ApplicationProtocol {
    var services: [any Service] = []
    if let collector = dashboard.collector {
        services.append(HealthMonitor(collector: collector, store: dashboard.store, interval: .seconds(dashboard.refreshSeconds), logger: logger))
    }
    return Application(router: buildRouter(dashboard, token: settings.token),
                       configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "bojagi"),
                       services: services, logger: logger)
}
