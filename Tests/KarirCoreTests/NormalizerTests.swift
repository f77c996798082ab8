import Foundation
import Testing
@testable import KarirCore

@Suite struct NormalizerTests {
    @Test func lowercasesAndSplitsOnPunctuation() {
        #expect(TextNormalizer.words("Syarat AK/1 apa?!") == ["syarat", "ak", "1", "apa"])
        #expect(TextNormalizer.words("  Halo,   KAK...  ") == ["halo", "kak"])
    }

    @Test func splitsAmountsFromTheirUnits() {
        // Both paths: plain ASCII and a message with a non-ASCII character.
        #expect(TextNormalizer.words("gaji Rp2.100.000") == ["gaji", "rp", "2", "100", "000"])
        #expect(TextNormalizer.words("gaji Rp2.100.000 é") == ["gaji", "rp", "2", "100", "000", "e"])
        #expect(TextNormalizer.words("2,5jt 75rb 3x 5thn") == ["2", "5", "jt", "75", "rb", "3x", "5", "thn"])
        #expect(TextNormalizer.words("5jt café") == ["5", "jt", "cafe"])
        // Other mixes of letters and digits stay whole; reduplication still folds.
        #expect(TextNormalizer.words("ak1 b2b 4g kerja2") == ["ak1", "b2b", "4g", "kerja"])
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

    @Test func contractionsReadTheSameOnTheASCIIPath() {
        let texts = ["he'll call", "I'd like a job", "we're hired", "it's free", "the company's rules", "WHAT'S THE FEE",
                     "don't know", "jum'at pagi", "'s alone", "x's", "that's it's", "rock'n'roll", "I've been fired",
                     "you're", "o'clock", "it's", "ends with '", "Who'S there", String(repeating: "it's ", count: 500)]
        for t in texts {
            #expect(TextNormalizer.asciiExpandingContractions(t) == TextNormalizer.scalarExpandingContractions(t), "\(t.prefix(40))")
        }
        #expect(TextNormalizer.asciiExpandingContractions("café's") == nil)
    }

    @Test func expandsEnglishContractionsThatWouldBecomeOtherWords() {
        // Dropping the apostrophe would make "hell", "ill", "were", "id".
        #expect(TextNormalizer.words("He'll pay us") == ["he", "will", "pay", "us"])
        #expect(TextNormalizer.words("I’ll be fired") == ["i", "will", "be", "fired"])
        #expect(TextNormalizer.words("we're unpaid, I'd quit") == ["we", "are", "unpaid", "i", "would", "quit"])
        #expect(TextNormalizer.words("I've, I'm") == ["i", "have", "i", "am"])
        // "'s" is "is" after "it", "what" …, and otherwise a possessive; other apostrophes still
        // join the word.
        #expect(TextNormalizer.words("the company's rules, it's late") == ["the", "company", "rules", "it", "is", "late"])
        #expect(TextNormalizer.words("What's UMP") == ["what", "is", "ump"])
        #expect(TextNormalizer.words("don't, jum'at, qur'an") == ["dont", "jumat", "quran"])
        // An apostrophe with no letter before it is only punctuation.
        #expect(TextNormalizer.words("'ll 're") == ["ll", "re"])
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
    /// The byte-level path for ASCII messages must give exactly the words of the general path.
    @Test func asciiPathAgreesWithGeneralPath() throws {
        var samples = [
            "Syarat AK/1 apa?!", "tolongggg kakkk", "kerja2 di pabrik", "kerja-kerja-kerja", "-kerja", "a-b-a",
            "don't stop", "x2", "ab2", "112", "a2b2", "HELLOOO wOrLd", "lembur 3x seminggu", "ump 2026 jateng",
            "  ", "", "--", "'''", "aaa-aaa", "ump-2026", "gaji 5.000.000,- per bln", "<b>bold</b> & 'quote'",
            String(repeating: "ab ", count: 1500),
        ]
        // Every evaluation question of the shipped knowledge, when present.
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for name in ["knowledge/eval/dev.tsv", "knowledge/eval/test.tsv"] {
            if let text = try? String(contentsOf: repo.appendingPathComponent(name), encoding: .utf8) {
                samples += text.split(separator: "\n").map { String($0.split(separator: "\t").first ?? "") }
            }
        }
        var compared = 0
        for s in samples {
            guard let fast = TextNormalizer.asciiWords(s) else { continue }
            #expect(fast == TextNormalizer.unicodeWords(s), "\(s)")
            compared += 1
        }
        #expect(compared >= 20)
        #expect(TextNormalizer.asciiWords("café") == nil)
    }
}

@Suite struct AddressTests {
    @Test func emailAddressesKeepOnlyTheProvider() {
        #expect(TextNormalizer.words("kirim CV ke hrd.majujaya@gmail.com, bayar dulu") == ["kirim", "cv", "ke", "email", "gmail", "bayar", "dulu"])
        #expect(TextNormalizer.words("recruitment@ptabadi.co.id") == ["email", "ptabadi"])
    }

    @Test func webAddressesKeepTheirNames() {
        #expect(TextNormalizer.words("https://karirhub.kemnaker.go.id/lowongan?id=3 gmn daftarnya") == ["link", "karirhub", "kemnaker", "gmn", "daftarnya"])
        #expect(TextNormalizer.words("cek www.lokerku.com.") == ["cek", "link", "lokerku"])
        #expect(TextNormalizer.words("(prakerja.go.id)") == ["link", "prakerja"])
    }

    @Test func amountsAndAbbreviationsAreNotAddresses() {
        #expect(TextNormalizer.words("gaji Rp3.500.000 dll.") == ["gaji", "rp", "3", "500", "000", "dll"])
        #expect(TextNormalizer.words("@admin tolong") == ["admin", "tolong"])
        #expect(TextNormalizer.words("ak1 ok.id") == TextNormalizer.words("ak1 link ok"))
    }
}
