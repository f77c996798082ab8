import Foundation
import KarirCore
import NIOCore

/// The result of a method: JSON text now, or later (reload).
enum MethodResult {
    case now(Result<String, RPCError>)
    case later(EventLoopFuture<Result<String, RPCError>>)
}

extension RequestDispatcher {
    /// The server's version, reported by `info`.
    static let serverVersion = "0.1.0"

    /// Runs one validated request.
    func call(_ request: RPCRequest, on eventLoop: any EventLoop) -> MethodResult {
        do throws(RPCError) {
            let params = try RPCParams(request.params)
            switch request.method {
            case "ask": return .now(.success(try ask(params)))
            case "reset": return .now(.success(try reset(params)))
            case "ping": return .now(.success("\"pong\""))
            case "info": return .now(.success(info()))
            case "prompt": return .now(.success(try prompt(params)))
            case "stats":
                try authorize(params)
                let stats = context.metrics.statsJSON(sessions: context.sessions.count,
                                                      knowledgeHash: context.engine.responder.info.knowledgeHash)
                return .now(.success(stats.serialized))
            case "reload":
                try authorize(params)
                return .later(reload(on: eventLoop))
            default:
                throw RPCError(.methodNotFound, "unknown method \"\(request.method)\"; methods: ask, reset, ping, info, prompt, reload, stats")
            }
        } catch {
            return .now(.failure(error))
        }
    }

    private func ask(_ params: RPCParams) throws(RPCError) -> String {
        let session = try params.session()
        let text = try params.string("text", required: true) ?? ""
        let language = try params.language()
        let reply = context.ask(text, session: .named(session), language: language, mode: .json)
        return ReplyPayload(reply, session: session).fastJSON()
    }

    private func reset(_ params: RPCParams) throws(RPCError) -> String {
        let session = try params.session()
        context.sessions.remove(.named(session))
        return JSONValue.object([("session", .string(session)), ("reset", .bool(true))]).serialized
    }

    private func info() -> String {
        Self.infoJSON(context.engine.responder.info).serialized
    }

    private func prompt(_ params: RPCParams) throws(RPCError) -> String {
        let key = try params.string("key", required: true) ?? ""
        let language = try params.language() ?? .id
        let text = context.engine.responder.prompt(key, language)
        return JSONValue.object([("key", .string(key)), ("lang", .string(language.rawValue)), ("text", .string(text))]).serialized
    }

    private func authorize(_ params: RPCParams) throws(RPCError) {
        guard let expected = context.configuration.adminToken else {
            throw RPCError(.unauthorized, "admin methods are disabled: set admin_token in the configuration (or KARIR_ADMIN_TOKEN, --admin-token)")
        }
        guard let token = try? params.string("token"), !token.isEmpty else {
            throw RPCError(.unauthorized, "this admin method needs params.token")
        }
        guard Self.constantTimeEqual(token, expected) else {
            throw RPCError(.unauthorized, "wrong admin token")
        }
    }

    private func reload(on eventLoop: any EventLoop) -> EventLoopFuture<Result<String, RPCError>> {
        let promise = eventLoop.makePromise(of: Result<String, RPCError>.self)
        let context = self.context
        context.reload(trigger: "rpc") { result in
            switch result {
            case .success(let info):
                var members: [(String, JSONValue)] = [("reloaded", .bool(true))]
                if case .object(let infoMembers) = Self.infoJSON(info) { members += infoMembers }
                promise.succeed(.success(JSONValue.object(members).serialized))
            case .failure(let failure):
                let errors = failure.errors.isEmpty ? failure.diagnostics : failure.errors
                let message = "reload failed with \(errors.count) error\(errors.count == 1 ? "" : "s"); "
                    + "the previous knowledge (\(context.engine.responder.info.knowledgeHash)) keeps serving"
                promise.succeed(.failure(RPCError(.reloadFailed, message, data: .array(errors.map { .string($0.oneLine) }))))
            }
        }
        return promise.futureResult
    }

    /// ``EngineInfo`` as JSON (dates in ISO 8601) plus `server_version`.
    static func infoJSON(_ info: EngineInfo) -> JSONValue {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var members: [(String, JSONValue)] = []
        if let data = try? encoder.encode(info), case .object(let infoMembers)? = try? JSONParser.parse(data) {
            members = infoMembers
        }
        members.append(("server_version", .string(serverVersion)))
        return .object(members)
    }

    private static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for i in 0..<max(x.count, y.count) {
            difference |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0)
        }
        return difference == 0
    }
}
