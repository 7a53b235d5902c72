extension Catalog {
    /// The releases an upgrade from `from` to `to` passes through, both ends included, under the TC's release
    /// cadence resolution: a SLURP release (from `upgrades.route.slurpSince` on) goes to the next SLURP release
    /// when that is not past the target; every other release goes to the next one.
    public func upgradeRoute(from: Release, to: Release) -> [Release] {
        guard from.ordinal < to.ordinal else { return [from] }
        let slurpStart = release(named: upgrades.route.slurpSince)?.ordinal ?? .max
        var route = [from]
        var current = from
        while current.ordinal < to.ordinal {
            let later = releases.filter { $0.ordinal > current.ordinal && $0.ordinal <= to.ordinal }
            if current.slurp, current.ordinal >= slurpStart, let nextSLURP = later.first(where: { $0.slurp }) {
                current = nextSLURP
            } else {
                current = later.first!
            }
            route.append(current)
        }
        return route
    }

    /// The releases after `from` up to and including `to`: those whose changes a hop brings.
    func releases(after from: Release, through to: Release) -> [Release] {
        releases.filter { $0.ordinal > from.ordinal && $0.ordinal <= to.ordinal }
    }
}
