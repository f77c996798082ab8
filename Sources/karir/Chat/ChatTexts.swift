import Foundation
import KarirCore
import Synchronization

/// Interface texts: from `prompts/` through the backend, else built in.
///
/// Texts are fetched ahead (``preload()``, at start and after each reconnect) and looked up from
/// memory, so showing "typing…" or "reconnecting…" never waits on a busy or absent server.
final class ChatTexts: Sendable {
    private let backend: any ChatBackend
    private let cache = Mutex<[String: String]>([:])

    init(backend: any ChatBackend) {
        self.backend = backend
    }

    /// The text for `key` in `language`, never empty and never a raw key.
    func text(_ key: TextKey, _ language: Language) -> String {
        cache.withLock { $0[Self.cacheKey(key, language)] } ?? BuiltinTexts.text(key, language)
    }

    /// Fetches every key in both languages from the backend, all at once (a server answers
    /// pipelined requests in order); keys it lacks keep the built-in text.
    func preload() async {
        let backend = self.backend
        await withTaskGroup(of: (String, String?).self) { group in
            for language in Language.allCases {
                for key in TextKey.allCases {
                    group.addTask { (Self.cacheKey(key, language), await backend.prompt(key.rawValue, language)) }
                }
            }
            for await (cacheKey, fetched) in group {
                guard let fetched else { continue }
                let cleaned = fetched.trimmingCharacters(in: .whitespacesAndNewlines)
                cache.withLock { $0[cacheKey] = cleaned }
            }
        }
    }

    private static func cacheKey(_ key: TextKey, _ language: Language) -> String {
        "\(language.rawValue)/\(key.rawValue)"
    }
}
