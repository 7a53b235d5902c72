extension Result where Failure == any Error {
    /// The outcome of async work, kept as a value: both of two steps run side by side are awaited before either's
    /// failure is thrown (what the first started must still be recorded).
    init(awaiting body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
