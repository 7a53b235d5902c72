import BojagiCore

public enum Fixtures {
    /// The bundled catalog, loaded once for all tests.
    public static let catalog: Catalog = {
        do { return try Catalog.bundled() } catch { fatalError("catalog: \(error)") }
    }()

    public static let inventory: KollaInventory = {
        do { return try KollaInventory.bundled() } catch { fatalError("inventory: \(error)") }
    }()

    public static let planner = PlanService(catalog: catalog, inventory: inventory, today: today, files: FilesInMemory.tests)

    /// The day the golden files were recorded: release status depends on it.
    public static let today = Day(year: 2026, month: 11, day: 25)

    public static func blueprint(_ yaml: String) throws -> Blueprint {
        try BlueprintDecoder(catalog: catalog).decode(yaml)
    }

    public static func resolve(profile: String, release: String, extra: String = "") throws -> Resolver.Result {
        let blueprint = try blueprint("schema: 1\nrelease: \(release)\nprofile: \(profile)\n\(extra)")
        return Resolver(catalog: catalog).resolve(blueprint)
    }
}
