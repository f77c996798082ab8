import KarirCore

/// Typed access to a request's named parameters, with `-32602` errors that say what is wrong.
struct RPCParams {
    private let members: JSONValue

    init(_ params: JSONValue?) throws(RPCError) {
        switch params {
        case nil: members = .object([])
        case .object?: members = params ?? .object([])
        case .array?: throw RPCError.invalidParams("params must be an object with named members, not an array")
        case let other?: throw RPCError.invalidParams("params must be an object, got \(other.typeName)")
        }
    }

    /// A string member; `nil` when absent or null and not required.
    func string(_ key: String, required: Bool = false) throws(RPCError) -> String? {
        switch members[key] {
        case .string(let s)?: return s
        case nil, .null?:
            if required { throw RPCError.invalidParams("missing \"\(key)\" (a string)") }
            return nil
        case let other?: throw RPCError.invalidParams("\"\(key)\" must be a string, got \(other.typeName)")
        }
    }

    /// The `session` member: a required string of 1 to 128 characters.
    func session() throws(RPCError) -> String {
        let session = try string("session", required: true) ?? ""
        let length = session.count
        guard (1...128).contains(length) else {
            throw RPCError.invalidParams("\"session\" must be 1 to 128 characters, got \(length)")
        }
        return session
    }

    /// An optional `lang` member: `id` or `en` (also `in`, `eng`, …).
    func language(_ key: String = "lang") throws(RPCError) -> Language? {
        guard let code = try string(key) else { return nil }
        guard let language = Language(code: code) else {
            throw RPCError.invalidParams("\"\(key)\" must be one of \(Language.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(code)\"")
        }
        return language
    }
}
