import Foundation
import BojagiCore
import BojagiOpenStack

/// Spawning children with a clean signal mask, for every runner that starts services.
enum SignalMask {
    /// Runs `body` (a spawn) with no signal blocked on this thread. The child inherits the spawning thread's mask,
    /// and Dispatch's worker threads block nearly every signal: a service started from one would never see SIGTERM.
    static func unblocked<T>(_ body: () throws -> T) rethrows -> T {
        var none = sigset_t()
        var previous = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        return try body()
    }
}
