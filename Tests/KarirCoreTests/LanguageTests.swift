import Testing
@testable import KarirCore

@Suite struct LanguageDetectorTests {
    let detector = LanguageDetector(counts: [:])

    @Test(arguments: ["apa syarat membuat kartu kuning", "gimana cara daftar pelatihan", "saya mau kerja", "berapa gaji minimum"])
    func indonesian(_ text: String) {
        #expect(detector.detect(TextNormalizer.words(text), fallback: .en).language == .id)
    }

    @Test(arguments: ["what do i need for the card", "how can i find a job", "is the training free", "where do i apply"])
    func english(_ text: String) {
        #expect(detector.detect(TextNormalizer.words(text), fallback: .id).language == .en)
    }

    @Test func tieUsesSessionLanguage() {
        #expect(detector.detect(["ak1"], fallback: .en).language == .en)
        #expect(detector.detect(["ak1"], fallback: .id).language == .id)
        #expect(detector.detect(["ak1"], fallback: nil).language == .id)
    }

    /// An Indonesian conversation needs clearer English to switch than a first message does.
    @Test func anIndonesianConversationNeedsClearerEnglishToSwitch() {
        #expect(LanguageDetector.decide(-2.0, fallback: nil).language == .en)
        #expect(LanguageDetector.decide(-2.0, fallback: .id).language == .id)
        #expect(LanguageDetector.decide(-3.0, fallback: .id).language == .id)
        #expect(LanguageDetector.decide(-3.5, fallback: .id).language == .en)
        #expect(LanguageDetector.decide(-2.0, fallback: .en).language == .en)
    }

    @Test func engineAnswersInTheLanguageOfTheQuestion() {
        let e = Fixture.engine
        #expect(e.respond(to: "berapa biaya kartu kuning", in: Session()).language == .id)
        #expect(e.respond(to: "how much is the yellow card", in: Session()).language == .en)
        #expect(e.respond(to: "how much is the yellow card", in: Session()).text == "The AK/1 card is free.")
    }

    /// "btw" is written in both languages: its expansion ("by the way") casts no language vote.
    @Test func aBilingualAbbreviationDoesNotDecideTheLanguage() throws {
        var files = try Fixture.miniFiles()
        files["btw.yaml"] = """
        lexicon:
          btw: by the way
        """
        let e = try Engine.load(knowledge: try Fixture.folder(files), prompts: Fixture.miniPrompts)
        #expect(e.knowledge.analyzer.analyze("btw berapa biaya kartu kuning", sessionLanguage: nil).language == .id)
        #expect(e.knowledge.analyzer.analyze("btw how much is the yellow card", sessionLanguage: nil).language == .en)
        // The same words typed out do vote.
        #expect(e.knowledge.analyzer.analyze("by the way kartu kuning", sessionLanguage: nil).languageScore
                < e.knowledge.analyzer.analyze("btw kartu kuning", sessionLanguage: nil).languageScore)
    }
}

@Suite struct SpellingCorrectorTests {
    let corrector = SpellingCorrector(vocabulary: ["lowongan": 5, "pelatihan": 9, "syarat": 7, "kerja": 9, "pelatih": 1])

    @Test func correctsOneAndTwoEdits() {
        #expect(corrector.correct("lowonagn") == "lowongan")      // transposition
        #expect(corrector.correct("pelatihn") == "pelatihan")     // deletion
        #expect(corrector.correct("syarta") == "syarat")          // transposition
        #expect(corrector.correct("pelaatihan") == "pelatihan")   // insertion
    }

    @Test func leavesShortAndFarWordsAlone() {
        #expect(corrector.correct("krj") == nil)
        #expect(SpellingCorrector(vocabulary: ["upah": 3]).correct("usah") == nil, "short real words are not one letter from a typo")
        #expect(corrector.correct("cuaca") == nil)
        #expect(corrector.correct("12345") == nil)
    }

    @Test func twoEditsKeepTheFirstLetter() {
        let c = SpellingCorrector(vocabulary: ["report": 9, "pelatihan": 9])
        // "freeport" is a name two letters and a first letter away from "report": left alone.
        #expect(c.correct("freeport") == nil)
        // Two edits after the first letter are still a typo.
        #expect(c.correct("pelatiihaan") == "pelatihan")
        // One edit may be at the first letter.
        #expect(c.correct("xeport") == "report")
        // A two-letter prefix on a known word reads as the word.
        #expect(SpellingCorrector(vocabulary: ["schedule": 5]).correct("reschedule") == "schedule")
    }

    @Test func expandsWordsTypedWithoutVowels() {
        let c = SpellingCorrector(vocabulary: ["caranya": 9, "pelatihan": 9, "pesangon": 4, "kerja": 9, "bukan": 20, "bikin": 3,
                                               "pasang": 2, "pusing": 6])
        #expect(c.expandVowelless("crnya") == "caranya")
        #expect(c.expandVowelless("plthan") == "pelatihan")
        #expect(c.expandVowelless("psngon") == "pesangon")
        #expect(c.expandVowelless("krja") == "kerja")
        // Only vowels may be missing: "bkin" spells "bikin", not the more frequent "bukan".
        #expect(c.expandVowelless("bkin") == "bikin")
        // Of the words the letters spell, the most frequent wins.
        #expect(c.expandVowelless("psng") == "pusing")
        // Same first letter, at least two consonants, and a word that is longer.
        #expect(c.expandVowelless("rja") == nil)
        #expect(c.expandVowelless("kj") == nil)
        #expect(c.expandVowelless("kerja") == nil)
        #expect(c.expandVowelless("xrj") == nil)
    }

    @Test func growsAWordThatKeepsVowelsOnlyALittle() {
        let c = SpellingCorrector(vocabulary: ["diakui": 9, "bisa": 9, "anak": 9, "pelatihan": 9, "hse": 0, "house": 9])
        // One letter left out for every two typed, at most, when the typed word has vowels.
        #expect(c.expandVowelless("bsa") == "bisa")
        #expect(c.expandVowelless("ank") == "anak")
        #expect(c.expandVowelless("plthan") == "pelatihan")
        // "dak" (Palembang for "not") is no "diakui", nor "hse" (health and safety) a "house".
        #expect(c.expandVowelless("dak") == nil)
        #expect(c.expandVowelless("hse") == nil)
    }

    @Test func distanceIsOptimalStringAlignment() {
        #expect(SpellingCorrector.distance("kerja", "kreja", limit: 3) == 1)
        #expect(SpellingCorrector.distance("kerja", "kerjaan", limit: 3) == 2)
        #expect(SpellingCorrector.distance("abc", "xyz", limit: 1) == 2)
    }
}

@Suite struct ListedSpellingTests {
    let analyzer = TextAnalyzer(lexicon: [:], synonyms: [:], entities: [:], spellings: ["kamis", "sambung", "lowongan"],
                                corpus: ["kami": 20, "lambung": 3, "lowongan": 9, "kerja": 9], languageCounts: [:])

    func read(_ text: String) -> [Token] { analyzer.analyze(text, sessionLanguage: .id).tokens }

    @Test func aListedWordIsNeverCorrected() {
        // Without the list, "kamis" is one letter from "kami" and "sambung" from "lambung".
        let plain = TextAnalyzer(lexicon: [:], synonyms: [:], entities: [:],
                                 corpus: ["kami": 20, "lambung": 3], languageCounts: [:])
        #expect(plain.analyze("kamis sambung", sessionLanguage: .id).tokens.map(\.surface) == ["kami", "lambung"])
        let tokens = read("kamis sambung")
        #expect(tokens.map(\.surface) == ["kamis", "sambung"])
        #expect(tokens.allSatisfy { $0.typed == nil && !$0.known }, "listed words are not knowledge words")
    }

    @Test func aTypoOfAListedWordGoesToIt() {
        let t = read("sambng")
        #expect(t.map(\.surface) == ["sambung"])
        #expect(t.first?.typed == "sambng")
        #expect(t.first?.known == false)
        // A knowledge word that is also listed stays a knowledge word.
        let known = read("lowonagn").first
        #expect(known?.surface == "lowongan")
        #expect(known?.known == true)
    }
}

@Suite struct RegionalAndNumberWordTests {
    let analyzer = TextAnalyzer(lexicon: ["kerjo": "kerja"], synonyms: [:], entities: [:],
                                corpus: ["kerja": 30, "syarat": 12, "gaji": 20, "daftar": 15, "cara": 25, "car": 4],
                                languageCounts: [.id: ["kerja": 30, "syarat": 12, "gaji": 20, "daftar": 15, "cara": 25],
                                                 .en: ["car": 4, "the": 40]])

    func read(_ text: String) -> [Token] { analyzer.analyze(text, sessionLanguage: .id).tokens }

    @Test func regionalSuffixesReadAsTheirWord() {
        #expect(analyzer.regionalBase("gajine") == "gaji")
        #expect(analyzer.regionalBase("syarate") == "syarat")
        #expect(analyzer.regionalBase("daftarkeun") == "daftar")
        #expect(analyzer.regionalBase("daftarke") == "daftar")
        #expect(analyzer.regionalBase("carana") == "cara")
        // The Javanese polite "-nipun" / "-ipun" (probe 18n u32).
        #expect(analyzer.regionalBase("caranipun") == "cara")
        #expect(analyzer.regionalBase("daftaripun") == "daftar")
        // A lexicon word with a suffix is read through the lexicon.
        #expect(read("kerjone").map(\.surface) == ["kerja"])
        #expect(read("kerjone").first?.known == true)
    }

    @Test func englishAndUnknownBasesAreLeftAlone() {
        // "car" is an English word of the knowledge: "care" is not "car" + Javanese "-e".
        #expect(analyzer.regionalBase("care") == nil)
        // Too short a base, and a base nobody knows.
        #expect(analyzer.regionalBase("ane") == nil)
        #expect(analyzer.regionalBase("blorone") == nil)
    }

    @Test func numbersSpeltOutAreNotUnknownWords() {
        let tokens = read("tujuh belas dua ratus ribu three hundred")
        #expect(tokens.count == 7)
        #expect(tokens.allSatisfy { $0.known })
        // A made-up word still is.
        #expect(read("blorone").first?.known == false)
    }

    @Test func numbersNeverCountAgainstAMatch() {
        var space = FeatureSpace.Builder()
        _ = space.id(.stem, "gaji")
        let vector = FeatureExtractor.features(read("gaji tujuh belas 4750000 blorone"), ids: &space.space)
        #expect(vector.unknownStems.map(\.key) == ["blorone"])
        #expect(vector.known.count == 1)
    }
}

/// Words typed without spaces, cut into known words (``TextAnalyzer/segment(_:)``).
@Suite struct SegmentationTests {
    let analyzer = TextAnalyzer(lexicon: ["gak": "tidak", "sy": "saya"], synonyms: [:], entities: [:],
                                corpus: ["saya": 30, "mau": 25, "tanya": 12, "cara": 25, "bikin": 15, "kartu": 20, "kuning": 12, "online": 9,
                                         "for": 5, "mati": 4, "on": 6, "cv": 10, "ke": 40, "kantor": 8, "disnaker": 12, "harus": 10],
                                languageCounts: [.id: ["saya": 30, "mau": 25, "cara": 25, "kartu": 20], .en: ["for": 5, "on": 6]])

    @Test func gluedWordsAreCutIntoKnownWords() {
        #expect(analyzer.segment("sayamautanyacarabikinkartukuningonline") == ["saya", "mau", "tanya", "cara", "bikin", "kartu", "kuning", "online"])
        #expect(analyzer.segment("carabikincv") == ["cara", "bikin", "cv"])
        // Lexicon words count as known and are read through the lexicon.
        #expect(analyzer.segment("harusgak") == nil) // too short
        let tokens = analyzer.analyze("harusgakkekantordisnaker", sessionLanguage: .id).tokens
        #expect(tokens.map(\.surface) == ["harus", "tidak", "ke", "kantor", "disnaker"])
        #expect(tokens.allSatisfy { $0.known })
    }

    @Test func chanceCutsIntoShortWordsAreRefused() {
        // "formation" would be "for mati on": three words averaging three letters.
        #expect(analyzer.segment("formation") == nil)
        // Letters no known words spell, and words with digits or other scripts.
        #expect(analyzer.segment("supercalifragilistic") == nil)
        #expect(analyzer.segment("sayamau2kartu") == nil)
        #expect(analyzer.analyze("supercalifragilistic", sessionLanguage: .id).tokens.first?.known == false)
    }
}

