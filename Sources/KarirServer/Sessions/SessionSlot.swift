import KarirCore
import Synchronization

/// One conversation's state, locked while a message of that conversation is being answered.
///
/// The lock is what makes two messages of one session answer in order even when they arrive on
/// connections served by different event loops: the second waits until the first has stored its
/// updated ``Session``. It is held only for the length of one `respond` call.
final class SessionSlot: Sendable {
    let session: Mutex<Session>

    init() {
        session = Mutex(Session())
    }
}
