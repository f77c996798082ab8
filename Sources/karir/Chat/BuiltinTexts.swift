import KarirCore

/// Texts used when `prompts/` lacks a key (or the server cannot be asked), so the client never
/// shows a raw key. `prompts/` always wins when it has the key.
enum BuiltinTexts {
    /// The built-in text for `key` in `language`.
    static func text(_ key: TextKey, _ language: Language) -> String {
        switch language {
        case .id: indonesian(key)
        case .en: english(key)
        }
    }

    private static func indonesian(_ key: TextKey) -> String {
        switch key {
        case .greeting: "Halo! Saya Karir, asisten informasi kerja. Silakan tulis pertanyaan Anda."
        case .help: "Tanyakan tentang lowongan kerja, kartu kuning (AK/1), upah minimum, pelatihan, atau cara melamar kerja.\nPerintah:\n/help  - bantuan ini\n/lang  - ganti bahasa (id/en)\n/reset - mulai dari awal\n/quit  - keluar"
        case .goodbye: "Terima kasih, sampai jumpa. Semoga sukses!"
        case .suggestionsHeader: "Anda juga bisa bertanya:"
        case .resetDone: "Percakapan dimulai dari awal."
        case .langSwitched: "Bahasa diganti ke Bahasa Indonesia."
        case .typing: "Karir sedang mengetik…"
        case .reconnecting: "Menyambung ulang ke server…"
        case .serverError: "Maaf, server sedang sibuk. Silakan coba lagi sebentar lagi."
        case .kioskWelcome: "Selamat datang di Karir: informasi kerja dan karier. Ketik pertanyaan Anda lalu tekan Enter."
        case .kioskIdleReset: "Sesi sebelumnya sudah ditutup."
        case .promptLabel: "Anda"
        case .botLabel: "Karir"
        case .chooseNumber: "Ketik nomor pilihan Anda, lalu tekan Enter."
        case .unknownCommand: "Perintah tidak dikenal. Ketik /help untuk bantuan."
        case .askAgain: "Sambungan terputus sebelum jawaban diterima. Silakan tulis pertanyaan Anda sekali lagi."
        case .langUsage: "Tulis /lang id untuk Bahasa Indonesia atau /lang en untuk English."
        }
    }

    private static func english(_ key: TextKey) -> String {
        switch key {
        case .greeting: "Hello! I am Karir, your job information assistant. Please type your question."
        case .help: "Ask about job vacancies, the yellow card (AK/1), minimum wages, training, or how to apply for a job.\nCommands:\n/help  - this help\n/lang  - switch language (id/en)\n/reset - start again\n/quit  - exit"
        case .goodbye: "Thank you, goodbye. Good luck!"
        case .suggestionsHeader: "You can also ask:"
        case .resetDone: "The conversation starts over."
        case .langSwitched: "Language switched to English."
        case .typing: "Karir is typing…"
        case .reconnecting: "Reconnecting to the server…"
        case .serverError: "Sorry, the server is busy. Please try again in a moment."
        case .kioskWelcome: "Welcome to Karir: job and career information. Type your question and press Enter."
        case .kioskIdleReset: "The previous session has been closed."
        case .promptLabel: "You"
        case .botLabel: "Karir"
        case .chooseNumber: "Type the number of your choice, then press Enter."
        case .unknownCommand: "Unknown command. Type /help for help."
        case .askAgain: "The connection dropped before the answer arrived. Please type your question once more."
        case .langUsage: "Type /lang id for Bahasa Indonesia or /lang en for English."
        }
    }
}
