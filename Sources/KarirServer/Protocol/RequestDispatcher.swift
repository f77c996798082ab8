import NIOCore

/// Turns one input line into its reply: decides text or JSON mode, validates, and runs the methods.
///
/// Stateless apart from the shared ``ServerContext``; called on the connection's event loop, one line
/// at a time, so replies on a connection keep the order of its requests.
struct RequestDispatcher: Sendable {
    let context: ServerContext

    /// The reply to one framed line from connection `connection`.
    func handle(_ frame: LineFrame, connection: UInt64, on eventLoop: any EventLoop) -> LineOutcome {
        switch frame {
        case .tooLong(let first):
            let limit = context.configuration.maxLineBytes
            context.metrics.recordError(.lineTooLong)
            let message = "line too long: the limit is \(limit) bytes; the rest of the line was discarded"
            if let first, Self.startsJSON(first) {
                return .line(RPCResponse.failure(id: .null, error: RPCError(.lineTooLong, message)))
            }
            return .reply(TextReply.error(message))
        case .line(let buffer):
            let bytes = buffer.readableBytesView
            guard let first = bytes.first(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else {
                return .none  // empty lines are ignored (keep-alive)
            }
            let json = Self.startsJSON(first)
            guard isValidUTF8(bytes) else {
                context.metrics.recordError(.invalidUTF8)
                let message = "the line is not valid UTF-8; send text encoded as UTF-8"
                if json { return .line(RPCResponse.failure(id: .null, error: RPCError(.invalidUTF8, message))) }
                return .reply(TextReply.error(message))
            }
            // JSON is parsed from the bytes; text becomes a String (already checked, so no repair).
            if json { return handleJSON(buffer, on: eventLoop) }
            return handleText(String(decoding: bytes, as: UTF8.self), connection: connection)
        }
    }

    private static func startsJSON(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[")
    }

    // MARK: Text mode

    private func handleText(_ line: String, connection: UInt64) -> LineOutcome {
        let question = line.trimmingWhitespace()
        guard !question.isEmpty else { return .none }
        context.metrics.recordRequest(method: "text")
        let reply = context.ask(question, session: .connection(connection), language: nil, mode: .text)
        // The same rendering as `karir ask`: the text, then numbered suggestions under their header.
        let header = context.engine.responder.prompt("suggestions_header", reply.language)
        return .reply(TextReply.render(reply.displayText(suggestionsHeader: header)))
    }

    // MARK: JSON mode

    /// The result of one request inside a line (a batch has several).
    private enum Answer {
        case none
        case line(String)
        case later(EventLoopFuture<String?>)
    }

    private func handleJSON(_ buffer: ByteBuffer, on eventLoop: any EventLoop) -> LineOutcome {
        let parsed: Result<JSONValue, JSONParser.Failure> = buffer.withUnsafeReadableBytes { raw in
            do throws(JSONParser.Failure) { return .success(try JSONParser.parse(raw)) } catch { return .failure(error) }
        }
        let value: JSONValue
        switch parsed {
        case .success(let v): value = v
        case .failure(let failure):
            context.metrics.recordError(.parseError)
            return .line(RPCResponse.failure(id: .null, error: RPCError(.parseError, "invalid JSON: \(failure)")))
        }
        guard case .array(let items) = value else {
            switch answer(value, on: eventLoop) {
            case .none: return .none
            case .line(let line): return .line(line)
            case .later(let future): return .deferred(future.map { $0.map { $0 + "\n" } })
            }
        }
        guard !items.isEmpty else {
            context.metrics.recordError(.invalidRequest)
            return .line(RPCResponse.failure(id: .null, error: RPCError(.invalidRequest, "empty batch: send at least one request")))
        }
        let answers = items.map { answer($0, on: eventLoop) }
        var lines: [String] = []
        var futures: [EventLoopFuture<String?>] = []
        for answer in answers {
            switch answer {
            case .none: continue
            case .line(let line):
                lines.append(line)
                futures.append(eventLoop.makeSucceededFuture(line))
            case .later(let future): futures.append(future)
            }
        }
        if futures.count == lines.count {
            return lines.isEmpty ? .none : .line("[" + lines.joined(separator: ",") + "]")
        }
        let joined = EventLoopFuture.whenAllSucceed(futures, on: eventLoop).map { parts -> String? in
            let present = parts.compactMap { $0 }
            return present.isEmpty ? nil : "[" + present.joined(separator: ",") + "]\n"
        }
        return .deferred(joined)
    }

    /// Validates and runs one request object; notifications produce no answer.
    private func answer(_ value: JSONValue, on eventLoop: any EventLoop) -> Answer {
        let request: RPCRequest
        switch RPCRequest.from(value) {
        case .success(let r): request = r
        case .failure(let failure):
            context.metrics.recordError(failure.error.code)
            return .line(RPCResponse.failure(id: failure.id, error: failure.error))
        }
        context.metrics.recordRequest(method: request.method)
        let id = request.id ?? .null
        switch call(request, on: eventLoop) {
        case .now(let result):
            guard !request.isNotification else { return .none }
            return .line(render(result, id: id))
        case .later(let future):
            let rendered = future.map { result -> String? in
                request.isNotification ? nil : render(result, id: id)
            }
            return .later(rendered)
        }
    }

    private func render(_ result: Result<String, RPCError>, id: JSONValue) -> String {
        switch result {
        case .success(let json): return RPCResponse.success(id: id, resultJSON: json)
        case .failure(let error):
            context.metrics.recordError(error.code)
            return RPCResponse.failure(id: id, error: error)
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[start...end])
    }
}
