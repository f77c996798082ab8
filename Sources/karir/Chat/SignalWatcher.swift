#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// Turns process signals into calls: SIGTERM, SIGHUP, SIGINT and SIGQUIT ask the chat to end
/// cleanly (terminal restored); SIGWINCH reports a new terminal size. SIGPIPE is ignored so a
/// closed reader shows up as a write error instead of killing the process.
///
/// In raw mode Ctrl-C and Ctrl-\ send no signal, so a SIGINT here always comes from outside
/// (staff with `kill`). Owned and cancelled by the task that created it.
final class SignalWatcher {
    /// What a signal means for the chat.
    enum Signal: Sendable, Equatable {
        case terminate(Int32)
        case resize
    }

    private let sources: [any DispatchSourceSignal]

    init(queue: DispatchQueue = DispatchQueue(label: "karir.signals"), handler: @escaping @Sendable (Signal) -> Void) {
        signal(SIGPIPE, SIG_IGN)
        // A parent may have started us with these blocked; then `kill -TERM` would never arrive.
        var watched = sigset_t()
        sigemptyset(&watched)
        for number in [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGWINCH] { sigaddset(&watched, number) }
        pthread_sigmask(SIG_UNBLOCK, &watched, nil)
        var sources: [any DispatchSourceSignal] = []
        for (number, meaning) in [(SIGTERM, Signal.terminate(SIGTERM)), (SIGHUP, .terminate(SIGHUP)),
                                  (SIGINT, .terminate(SIGINT)), (SIGQUIT, .terminate(SIGQUIT)),
                                  (SIGWINCH, .resize)] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { handler(meaning) }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    /// Stops watching (the signals stay ignored).
    func cancel() {
        for source in sources { source.cancel() }
    }
}
