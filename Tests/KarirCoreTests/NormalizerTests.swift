import Testing
@testable import KarirCore

@Suite struct NormalizerTests {
    @Test func lowercasesAndSplitsOnPunctuation() {
        #expect(TextNormalizer.words("Syarat AK/1 apa?!") == ["syarat", "ak", "1", "apa"])
        #expect(TextNormalizer.words("  Halo,   KAK...  ") == ["halo", "kak"])
    }

    @Test func foldsDiacriticsAndWidth() {
        #expect(TextNormalizer.words("café ＫＥＲＪＡ") == ["cafe", "kerja"])
    }

    @Test func collapsesElongatedLetters() {
        #expect(TextNormalizer.words("tolonggggg") == ["tolongg"])
        #expect(TextNormalizer.dedoubled("tolongg") == "tolong")
        #expect(TextNormalizer.words("maaf") == ["maaf"])
    }

    @Test func foldsReduplication() {
        #expect(TextNormalizer.words("lowongan-lowongan kerja2") == ["lowongan", "kerja"])
        #expect(TextNormalizer.words("anak-anak") == ["anak"])
        #expect(TextNormalizer.words("kerja-keras") == ["kerja", "keras"])
    }

    @Test func dropsApostrophes() {
        #expect(TextNormalizer.words("don't jum'at") == ["dont", "jumat"])
    }

    @Test func survivesEmojiControlCharactersAndMarkup() {
        #expect(TextNormalizer.words("😀🙏 \u{0}\u{7}<script>alert(1)</script>; DROP TABLE users;--") ==
                ["script", "alert", "1", "script", "drop", "table", "users"])
        #expect(TextNormalizer.words("🙏🙏🙏").isEmpty)
    }

    @Test func capsHugeInput() {
        let huge = String(repeating: "kerja ", count: 20_000)   // 120 KB
        let words = TextNormalizer.words(huge)
        #expect(words.count <= TextNormalizer.maxScalars / 2 + 1)
        #expect(!words.isEmpty)
    }

    @Test func keepsOtherScripts() {
        #expect(TextNormalizer.words("仕事 работа kerja") == ["仕事", "работа", "kerja"])
    }
}
