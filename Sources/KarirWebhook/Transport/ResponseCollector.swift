/// Gathers what libcurl's header and write callbacks hand over during one transfer.
/// Owned by one ``CurlTransport`` and only touched on its thread.
final class ResponseCollector {
    /// Body bytes kept for error messages; the rest is discarded so a chatty receiver costs no memory.
    static let bodyLimit = 512

    var headers: [String: String] = [:]
    var body: [UInt8] = []

    func reset() {
        headers.removeAll(keepingCapacity: true)
        body.removeAll(keepingCapacity: true)
    }

    /// One raw header line, `Name: value\r\n`, or a status line that starts a new response
    /// (after `100 Continue` or a `1xx`, only the final response's headers count).
    func header(line: String) {
        if line.hasPrefix("HTTP/") {
            headers.removeAll(keepingCapacity: true)
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        headers[name] = value
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        let room = Self.bodyLimit - body.count
        if room > 0 { body.append(contentsOf: bytes.prefix(room)) }
    }
}
