/// A catalog file that cannot be used. The catalog ships with Bojagi, so these are Bojagi's bugs.
public enum CatalogError: Error, Equatable, CustomStringConvertible {
    case missing(path: String, reason: String)
    case invalid(path: String, reason: String)
    case dangling(file: String, entry: String, field: String, name: String)

    public var description: String {
        switch self {
        case let .missing(path, reason):
            return "catalog file \(path): \(reason)"
        case let .invalid(path, reason):
            return "catalog file \(path) is not valid: \(reason)"
        case let .dangling(file, entry, field, name):
            return "catalog \(file): \(entry).\(field) names '\(name)', which is not in the catalog"
        }
    }
}
