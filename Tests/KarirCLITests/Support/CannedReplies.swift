import Foundation

/// What the fake server answers, chosen by the question's text. Texts are made up for the tests
/// and recognisable on screen.
enum CannedReplies {
    /// What to do with one `ask`.
    enum Action {
        case reply([String: Any])
        case delayed(seconds: Double, [String: Any])
        /// Close the connection without answering (the question was received).
        case drop
        case error(code: Int, message: String)
    }

    /// A long answer for the wrapping tests: words of varied length, one accented.
    static let longText = """
        Upah minimum provinsi adalah batas bawah gaji bulanan yang wajib dibayar pemberi kerja kepada pekerja \
        dengan masa kerja kurang dari satu tahun. Besarnya ditetapkan gubernur setiap tahun berdasarkan \
        formula pemerintah pusat, dan kabupaten atau kota boleh menetapkan upah minimum yang lebih tinggi. \
        Tanyakan ke Disnaker setempat bila gaji Anda di bawah ketentuan; layanan pengaduan itu gratis dan \
        rahasia, café atau pabrik sama saja. AKHIR-JAWABAN
        """

    static let clarifyTitles = ["Kartu kuning (AK/1)", "Upah minimum provinsi", "Pelatihan kerja gratis"]
    static let suggestionTitles = ["Syarat kartu kuning", "Lowongan kerja terdekat"]

    /// Prompt texts the fake server knows; other keys answer with an error so the client's
    /// built-in texts are used.
    static let prompts: [String: [String: String]] = [
        "greeting": ["id": "Halo dari server uji. Silakan bertanya.", "en": "Hello from the test server. Please ask."],
        "chat_prompt_label": ["id": "Kamu", "en": "You"],
        "chat_reconnecting": ["id": "Menyambung lagi ke server uji…", "en": "Reconnecting to the test server…"],
        "chat_typing": ["id": "Server uji sedang mengetik…", "en": "The test server is typing…"],
        "chat_kiosk_welcome": ["id": "Selamat datang di kios uji Karir.", "en": "Welcome to the Karir test kiosk."],
    ]

    /// The action for `text`; `offered` are the titles of the choices last offered in this session.
    static func action(for text: String, lang: String?, offered: [String]) -> (Action, offered: [String]) {
        let language = lang ?? (text.lowercased().hasPrefix("hello") ? "en" : "id")
        func payload(_ reply: String, kind: String = "answer", suggestions: [String] = [],
                     candidates: [String]? = nil) -> [String: Any] {
            var result: [String: Any] = [
                "text": reply, "kind": kind, "topic": "test", "intent": kind == "clarify" ? NSNull() : "test_intent",
                "confidence": 0.9, "lang": language,
                "suggestions": suggestions.enumerated().map { ["number": $0.offset + 1, "intent": "s\($0.offset)", "topic": "test", "title": $0.element] },
            ]
            if let candidates {
                result["candidates"] = candidates.enumerated().map { ["number": $0.offset + 1, "intent": "c\($0.offset)", "topic": "test", "title": $0.element] }
            }
            return result
        }
        if let number = Int(text), !offered.isEmpty {
            guard (1...offered.count).contains(number) else { return (.reply(payload("Nomor tidak ada.")), offered) }
            return (.reply(payload("Jawaban pilihan \(number): \(offered[number - 1])")), [])
        }
        switch text.lowercased() {
        case "halo":
            return (.reply(payload("Halo juga! Ini jawaban dari server uji.")), [])
        case "hello":
            return (.reply(payload("Hello! This answer comes from the test server.")), [])
        case "panjang":
            return (.reply(payload(longText)), [])
        case "pilih":
            let menu = clarifyTitles.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n")
            return (.reply(payload("Maksud kamu yang mana?\n\(menu)\nKetik nomornya.", kind: "clarify",
                                   candidates: clarifyTitles)), clarifyTitles)
        case "saran":
            return (.reply(payload("Ini jawaban dengan saran.", suggestions: suggestionTitles)), suggestionTitles)
        case "lambat":
            return (.delayed(seconds: 1.5, payload("Jawaban lambat selesai.")), [])
        case "putus":
            return (.drop, [])
        case "sibuk":
            return (.error(code: -32005, message: "server is shutting down"), [])
        default:
            return (.reply(payload("Jawaban untuk: \(text)")), [])
        }
    }
}
