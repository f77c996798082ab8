/// Sent through a connection's pipeline at shutdown: finish the lines already read, send their
/// replies, then close (see ``ConnectionHandler``).
struct ConnectionDrainEvent: Sendable {}
