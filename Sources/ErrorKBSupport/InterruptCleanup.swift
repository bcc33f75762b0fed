#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files a write has begun and not yet renamed into place (its temporary file, its lock file),
/// removed when the process is ended by SIGINT, SIGTERM or SIGHUP (Ctrl-C, `kill`, a closed
/// terminal), before the signal ends it as it would have. SIGKILL cannot be caught: what it leaves,
/// the next write of the same file removes (see `AtomicFile`). A signal the process was started
/// ignoring (nohup) stays ignored.
package enum InterruptCleanup {
    private static let capacity = 32
    private static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// The registered paths as C strings: read by the handler, which may only call unlink.
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
        return slots
    }()

    private static let installed: Bool = {
        _ = slots
        for number in signals {
            var previous = sigaction()
            sigaction(number, nil, &previous)
            if isIgnored(previous) { continue }
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = handle
            #else
            action.__sigaction_u.__sa_handler = handle
            #endif
            sigemptyset(&action.sa_mask)
            sigaction(number, &action, nil)
        }
        return true
    }()

    /// Removes `path` if a signal ends the process before `unregister` is called; returns the
    /// token for `unregister`.
    package static func register(_ path: String) -> Int? {
        _ = installed
        let copy = SystemPath.withCString(path) { strdup($0) }
        return withSignalsBlocked {
            guard let slot = (0..<capacity).first(where: { slots[$0] == nil }) else {
                free(copy)
                return nil
            }
            slots[slot] = copy
            return slot
        }
    }

    /// The path is in place (or gone): a signal no longer removes it.
    package static func unregister(_ token: Int?) {
        guard let token else { return }
        let copy = withSignalsBlocked { () -> UnsafeMutablePointer<CChar>? in
            defer { slots[token] = nil }
            return slots[token]
        }
        free(copy)
    }

    private static func withSignalsBlocked<T>(_ body: () -> T) -> T {
        var blocked = sigset_t(), previous = sigset_t()
        sigemptyset(&blocked)
        for number in signals { sigaddset(&blocked, number) }
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        return body()
    }

    private static func isIgnored(_ action: sigaction) -> Bool {
        #if canImport(Glibc)
        return unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self) == 1  // SIG_IGN
        #else
        return unsafeBitCast(action.__sigaction_u.__sa_handler, to: Int.self) == 1
        #endif
    }

    /// Async-signal-safe: unlink, signal and raise only.
    private static let handle: @convention(c) (Int32) -> Void = { number in
        for slot in 0..<capacity {
            if let path = slots[slot] { unlink(path) }
        }
        signal(number, SIG_DFL)
        raise(number)
    }
}
