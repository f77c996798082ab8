import Foundation

/// The kiosk rules: when a session counts as idle, and the staff passphrase.
///
/// Owned by ``ChatController`` and used from its task only.
final class KioskController {
    /// How long without a key press or an answer before the session is reset.
    let idleLimit: Duration
    private let passphrase: String?
    /// The last answer or notice shown.
    private var lastOutput = ContinuousClock.now
    /// When the screen was last reset; key presses before it belong to the previous person.
    private var lastReset = ContinuousClock.now
    /// Something happened since the last reset, so there is something to wipe.
    private var inUse = false

    init(idleSeconds: Double, passphrase: String?) {
        self.idleLimit = .milliseconds(Int64((idleSeconds * 1000).rounded()))
        let trimmed = passphrase?.trimmingCharacters(in: .whitespaces)
        self.passphrase = (trimmed?.isEmpty ?? true) ? nil : trimmed
    }

    /// Whether staff configured a passphrase (without one, only a signal ends kiosk mode).
    var hasPassphrase: Bool { passphrase != nil }

    /// How often to check for idleness.
    var checkInterval: Duration {
        min(.seconds(1), max(.milliseconds(50), idleLimit / 4))
    }

    /// True when `line` is the staff passphrase.
    func isPassphrase(_ line: String) -> Bool {
        guard let passphrase else { return false }
        return line.trimmingCharacters(in: .whitespaces) == passphrase
    }

    /// Call when an answer or notice was shown.
    func noteOutput() {
        lastOutput = .now
        inUse = true
    }

    /// True when the session was used and nothing happened for ``idleLimit``.
    func isIdle(lastKey: ContinuousClock.Instant, now: ContinuousClock.Instant = .now) -> Bool {
        if lastKey > lastReset { inUse = true }
        guard inUse else { return false }
        return now - max(lastKey, lastOutput) >= idleLimit
    }

    /// Call after the session was reset and the screen cleared.
    func didReset() {
        inUse = false
        lastReset = .now
        lastOutput = .now
    }
}
