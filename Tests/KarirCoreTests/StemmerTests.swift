import Testing
@testable import KarirCore

/// Word → root, including the hard cases: nasal recoding of meN-/peN-, -kan against -an,
/// confixes, particles and possessives, and words that only look affixed.
let stemTable: [(String, String)] = [
    // meN-
    ("membaca", "baca"), ("memukul", "pukul"), ("memakai", "pakai"), ("memilih", "pilih"), ("mempunyai", "punya"),
    ("memperbaiki", "baik"), ("membantu", "bantu"), ("membuat", "buat"), ("membayar", "bayar"), ("melamar", "lamar"),
    ("melatih", "latih"), ("merawat", "rawat"), ("mewakili", "wakil"), ("meyakinkan", "yakin"), ("menulis", "tulis"),
    ("menanam", "tanam"), ("menunggu", "tunggu"), ("mendaftar", "daftar"), ("menjahit", "jahit"), ("mencari", "cari"),
    ("menerima", "terima"), ("menyapu", "sapu"), ("menyimpan", "simpan"), ("menyusun", "susun"), ("mengambil", "ambil"),
    ("mengirim", "kirim"), ("mengajar", "ajar"), ("mengurus", "urus"), ("mengecat", "cat"), ("mengisi", "isi"),
    ("menghubungi", "hubung"), ("mengganti", "ganti"), ("menggunakan", "guna"), ("mengikuti", "ikut"), ("mengetik", "ketik"),
    ("memeriksa", "periksa"), ("menjual", "jual"), ("menolong", "tolong"), ("menilai", "nilai"), ("menyiapkan", "siap"),
    ("menyerahkan", "serah"), ("mengajukan", "aju"), ("melaporkan", "lapor"), ("meminta", "minta"), ("memulai", "mulai"),
    ("menjaga", "jaga"), ("mengangkat", "angkat"), ("mendapatkan", "dapat"), ("menanyakan", "tanya"), ("membersihkan", "bersih"),
    // peN- and per-
    ("pelatihan", "latih"), ("pelamar", "lamar"), ("pekerja", "kerja"), ("pekerjaan", "kerja"), ("pendaftaran", "daftar"),
    ("penjualan", "jual"), ("pembayaran", "bayar"), ("pembuatan", "buat"), ("pemakaian", "pakai"), ("pengiriman", "kirim"),
    ("pengalaman", "alam"), ("penerimaan", "terima"), ("penyimpanan", "simpan"), ("pengajuan", "aju"), ("pengurusan", "urus"),
    ("pemeriksaan", "periksa"), ("penulis", "tulis"), ("penilaian", "nilai"), ("pengganti", "ganti"), ("pemilihan", "pilih"),
    ("perusahaan", "usaha"), ("persyaratan", "syarat"), ("pertanyaan", "tanya"), ("perbaikan", "baik"), ("pelaporan", "lapor"),
    ("penipuan", "tipu"), ("penempatan", "tempat"), ("pengangkutan", "angkut"), ("pembantu", "bantu"), ("penjaga", "jaga"),
    // ber-, be-, bel-
    ("bekerja", "kerja"), ("belajar", "ajar"), ("berlatih", "latih"), ("bertanya", "tanya"), ("berhenti", "henti"),
    ("berangkat", "angkat"), ("bermain", "main"), ("berusaha", "usaha"), ("berbicara", "bicara"), ("berpikir", "pikir"),
    ("berhasil", "hasil"), ("bergabung", "gabung"), ("berlaku", "laku"), ("berjualan", "jual"), ("bertemu", "temu"),
    ("berubah", "ubah"), ("berakhir", "akhir"), ("bersiap", "siap"), ("beristirahat", "istirahat"),
    // di-
    ("dibayar", "bayar"), ("diterima", "terima"), ("dipecat", "pecat"), ("dilatih", "latih"), ("dikirim", "kirim"),
    ("ditolak", "tolak"), ("dipotong", "potong"), ("diklaim", "klaim"), ("dicairkan", "cair"), ("digaji", "gaji"),
    ("dilaporkan", "lapor"), ("disiapkan", "siap"), ("diperbaiki", "baik"), ("diambil", "ambil"), ("dijual", "jual"),
    ("ditanya", "tanya"), ("diurus", "urus"), ("diisi", "isi"), ("dipakai", "pakai"), ("diperiksa", "periksa"),
    // ter-
    ("terdaftar", "daftar"), ("terlambat", "lambat"), ("tertipu", "tipu"), ("terbaik", "baik"), ("terakhir", "akhir"),
    ("terpilih", "pilih"), ("terjual", "jual"), ("terbuka", "buka"), ("terkirim", "kirim"), ("tertulis", "tulis"),
    // ke-…-an, se-
    ("kebersihan", "bersih"), ("keamanan", "aman"), ("kesehatan", "sehat"), ("keselamatan", "selamat"), ("kemampuan", "mampu"),
    ("keterampilan", "terampil"), ("kesempatan", "sempat"), ("keahlian", "ahli"), ("kekerasan", "keras"), ("kehilangan", "hilang"),
    ("kelulusan", "lulus"), ("keputusan", "putus"), ("kebutuhan", "butuh"), ("keluhan", "keluh"), ("kedatangan", "datang"),
    ("sebaiknya", "baik"), ("secepatnya", "cepat"), ("setahun", "tahun"),
    // suffixes: -an, -kan, -i
    ("lamaran", "lamar"), ("latihan", "latih"), ("tulisan", "tulis"), ("bayaran", "bayar"), ("pilihan", "pilih"),
    ("kiriman", "kirim"), ("pakaian", "pakai"), ("masukan", "masuk"), ("tunjangan", "tunjang"), ("tabungan", "tabung"),
    ("lowongan", "lowong"), ("gajian", "gaji"), ("kerjakan", "kerja"), ("tanyakan", "tanya"), ("jelaskan", "jelas"),
    ("kirimkan", "kirim"), ("lengkapi", "lengkap"), ("datangi", "datang"), ("ikuti", "ikut"), ("hubungi", "hubung"),
    // particles and possessives
    ("gajinya", "gaji"), ("biayanya", "biaya"), ("syaratnya", "syarat"), ("caranya", "cara"), ("bisakah", "bisa"),
    ("apakah", "apa"), ("kerjanya", "kerja"), ("rumahku", "rumah"), ("bukumu", "buku"), ("pekerjaanmu", "kerja"),
    ("sajalah", "saja"), ("kapankah", "kapan"), ("nanya", "nanya"), ("coba", "coba"),
    // colloquial (Jakarta) forms: nge-, ng-, ny- and -in
    ("ngelamar", "lamar"), ("ngeklaim", "klaim"), ("ngambil", "ambil"), ("ngirim", "kirim"), ("nyari", "cari"),
    ("nyoba", "coba"), ("daftarin", "daftar"), ("kirimin", "kirim"), ("ngurusin", "urus"), ("nanyain", "nanya"),
    // words that only look affixed stay as they are
    ("makan", "makan"), ("minum", "minum"), ("pelangi", "pelangi"), ("perempuan", "perempuan"), ("berapa", "berapa"),
    ("masalah", "masalah"), ("sekolah", "sekolah"), ("pegawai", "pegawai"), ("perawat", "perawat"), ("kantor", "kantor"), ("meninggal", "meninggal"), ("petak", "petak"), ("linkedin", "linkedin"), ("langkah", "langkah"), ("himpun", "himpun"),
    ("tetapi", "tetapi"), ("selamat", "selamat"), ("bulan", "bulan"), ("jalan", "jalan"), ("kemarin", "kemarin"),
    ("kepada", "kepada"), ("teman", "teman"), ("bukan", "bukan"), ("pesan", "pesan"), ("mesin", "mesin"),
    ("bekal", "bekal"), ("belanja", "belanja"), ("mereka", "mereka"), ("dinding", "dinding"), ("tenaga", "tenaga"),
    ("perahu", "perahu"), ("kebun", "kebun"), ("tempat", "tempat"), ("sebentar", "sebentar"), ("pertama", "pertama"), ("desain", "desain"), ("carinya", "cari"), ("harinya", "hari"),
]

@Suite struct IndonesianStemmerTests {
    /// The dictionary a knowledge base would give: every root and every plain word of the table.
    static let stemmer = IndonesianStemmer(dictionary: Set(stemTable.map(\.1)))

    @Test func tableHasAtLeast150Words() {
        #expect(stemTable.count >= 150)
    }

    @Test(arguments: stemTable)
    func stems(word: String, root: String) {
        #expect(Self.stemmer.stem(word) == root, "\(word) should stem to \(root)")
    }

    @Test func unknownWordsAreLeftAlone() {
        let stemmer = IndonesianStemmer(dictionary: ["kerja"])
        #expect(stemmer.stem("menggelegar") == "menggelegar")
        #expect(stemmer.stem("xyzkan") == "xyzkan")
    }

    @Test func plainMeOnlyBeforeNasalsAndLiquids() {
        // me- without a nasal stands only before m, n, r, l, w, y: "media" is no me- + "dia",
        // "mediasi" no me- + di- + "asi"; pe- stands before any consonant.
        let stemmer = IndonesianStemmer(dictionary: ["dia", "asi", "dagang", "lamar", "rawat"])
        #expect(stemmer.stem("media") == "media")
        #expect(stemmer.stem("mediasi") == "mediasi")
        #expect(stemmer.stem("pedagang") == "dagang")
        #expect(stemmer.stem("melamar") == "lamar")
        #expect(stemmer.stem("merawat") == "rawat")
    }

    @Test func shortBeAndTeOnlyBeforeRAndErSyllables() {
        // ber-/ter- lose their r only before an r-initial root or a first syllable ending in -er.
        let stemmer = IndonesianStemmer(dictionary: ["come", "kan", "kerja", "percaya", "rencana", "tekan"])
        #expect(stemmer.stem("become") == "become")
        #expect(stemmer.stem("tekan") == "tekan")
        #expect(stemmer.stem("bekerja") == "kerja")
        #expect(stemmer.stem("tepercaya") == "percaya")
        #expect(stemmer.stem("berencana") == "rencana")
    }

    @Test func aSuffixAloneLeavesAtLeastFourLetters() {
        // "bagi" (for), "kaki" (leg), "topi" (hat), "gigi" (tooth) are words even when "bag",
        // "kak", "top" and "gig" are known; a longer root still loses its -i ("lengkapi").
        let stemmer = IndonesianStemmer(dictionary: ["bag", "kak", "top", "gig", "lengkap"])
        for word in ["bagi", "kaki", "topi", "gigi"] { #expect(stemmer.stem(word) == word) }
        #expect(stemmer.stem("lengkapi") == "lengkap")
    }

    @Test func sePrefixIsOnlyTheOutermost() {
        // "disekap" (held captive) is di- + "sekap", never di- + se- + "kap", even when "kap" is
        // known; se- as the first prefix still comes off ("sebaiknya" → "baik").
        let stemmer = IndonesianStemmer(dictionary: ["kap", "sekap", "baik", "but", "sebut"])
        #expect(stemmer.stem("disekap") == "sekap")
        #expect(stemmer.stem("disebut") == "sebut")
        #expect(stemmer.stem("sebaiknya") == "baik")
        let withoutRoot = IndonesianStemmer(dictionary: ["kap"])
        #expect(withoutRoot.stem("disekap") == "disekap")
    }

    @Test func theInflectionIsStrippedBeforeThePrefix() {
        // A knowledge text with "latihannya" must not make "pelatihannya" stem to it.
        let stemmer = IndonesianStemmer(dictionary: ["latih", "latihannya", "pelatihan", "kerja"])
        #expect(stemmer.stem("pelatihannya") == "latih")
        #expect(stemmer.stem("pekerjaannya") == "kerja")
    }

    @Test func meaningChangingRootsStayWhole() {
        // "meninggal" (to die) must not become "tinggal" (to stay) even when "tinggal" is known.
        let stemmer = IndonesianStemmer(dictionary: ["tinggal"])
        #expect(stemmer.stem("meninggal") == "meninggal")
        #expect(stemmer.stem("ditinggal") == "tinggal")
    }

    @Test func rootsThatLookAffixedStayWhole() {
        // Each would otherwise strip to another known word: pe- + "cat" (paint), ber- + "sih".
        let stemmer = IndonesianStemmer(dictionary: ["cat", "gang", "sih", "tuh", "kas", "pecat", "pegang"])
        for root in ["pecat", "pegang", "bersih", "penuh", "berkas"] {
            #expect(stemmer.stem(root) == root, "\(root) is a root")
        }
        #expect(stemmer.stem("dipecat") == "pecat")
        #expect(stemmer.stem("memegang") == "pegang")
    }

    @Test func everydayRootsAreNotCutToOtherWords() {
        // Each is a root that a prefix, suffix or particle would cut to another known word.
        let known: Set<String> = ["ter", "nang", "las", "pak", "nak", "serta", "kurs", "tuna", "palu", "api", "lek", "mun", "gada"]
        let stemmer = IndonesianStemmer(dictionary: known)
        for root in ["menteri", "menang", "kelas", "sepak", "ternak", "peserta", "kursi", "tunai", "pemalu", "terapi", "melek", "muntah", "gadai", "polisi"] {
            #expect(stemmer.stem(root) == root, "\(root) is a root")
        }
        #expect(stemmer.stem("pesertanya") == "peserta")
    }

    @Test func meNeverLosesAnROfItsOwn() {
        // "merasa" is me- + rasa; "mer-" is no prefix. pe- may still be per-.
        let stemmer = IndonesianStemmer(dictionary: ["asa", "rasa", "tani", "rawat", "ramal", "amal"])
        #expect(stemmer.stem("merasa") == "rasa")
        #expect(stemmer.stem("merawat") == "rawat")
        #expect(stemmer.stem("peramal") == "ramal")
        #expect(stemmer.stem("pertanian") == "tani")
    }

    @Test func colloquialInGivesWayToAListedRoot() {
        // "dijamin" is di- + jamin (a listed root), not di- + jam + -in; an unlisted word with
        // -in still goes to its root ("dicairin" → cair, even when "cairin" is known).
        let stemmer = IndonesianStemmer(dictionary: ["jam", "jamin", "cair", "cairin"])
        #expect(stemmer.stem("dijamin") == "jamin")
        #expect(stemmer.stem("dicairin") == "cair")
    }

    @Test func englishVerbsKeepTheirFinalE() {
        // "caring" is "care" when only English examples use "care" (and "caring"); an
        // Indonesian word is left to the Indonesian rules, and a doubled consonant has no e.
        let stemmer = IndonesianStemmer(dictionary: ["car", "care", "caring", "pale", "paling", "sit", "site"],
                                        foreign: ["car", "care", "caring", "pale", "sit", "site"])
        #expect(TextAnalyzer.computeStem("caring", stemmer) == "care")
        #expect(TextAnalyzer.computeStem("paling", stemmer) == "paling")
        #expect(TextAnalyzer.computeStem("sitting", stemmer) == "sit")
    }

    @Test func noIndonesianWordIsStrippedToAForeignWord() {
        // "car" is a word of the English examples: "mencari" is "cari", and "pencar" + -i is
        // not "car".
        let plain = IndonesianStemmer(dictionary: ["car"])
        #expect(plain.stem("pencari") == "car")
        let stemmer = IndonesianStemmer(dictionary: ["car", "cari"], foreign: ["car"])
        #expect(stemmer.stem("pencari") == "cari")
        #expect(stemmer.stem("mencari") == "cari")
        // "person" is not per- + "son".
        #expect(IndonesianStemmer(dictionary: ["son"]).stem("person") == "son")
        #expect(IndonesianStemmer(dictionary: ["son"], foreign: ["son"]).stem("person") == "person")
    }

    @Test func wordsWithOtherLettersFollowTheSameRules() {
        // Plain ASCII words are stemmed as bytes, any other word as characters: same rules.
        let stemmer = IndonesianStemmer(dictionary: ["jale", "jalé", "kirim"])
        #expect(stemmer.stem("menjale") == "jale")
        #expect(stemmer.stem("menjalé") == "jalé")
        #expect(stemmer.stem("mengirimkannya") == "kirim")
        #expect(stemmer.stem("mengirimé") == "mengirimé")
        // digits or punctuation: left whole on both paths
        #expect(stemmer.stem("mengirim2") == "mengirim2")
        #expect(stemmer.stem("mengirim²") == "mengirim²")
    }

    @Test func forbiddenConfixIsNotStripped() {
        // di-…-an does not occur: "dibagian" must not reduce via di- + -an to "bagi".
        let stemmer = IndonesianStemmer(dictionary: ["bagi", "bagian"])
        #expect(stemmer.stem("dibagian") != "bagi")
    }
}

@Suite struct EnglishStemmerTests {
    @Test(arguments: [("requirements", "requirement"), ("applying", "apply"), ("trained", "train"), ("jobs", "job"),
                      ("companies", "company"), ("running", "run"), ("wages", "wage"), ("classes", "class"),
                      ("does", "does"), ("this", "this"), ("bus", "bus"), ("status", "status"),
                      ("paid", "pay"), ("kept", "keep"), ("fell", "fall"), ("taught", "teach"), ("drove", "drive")])
    func stems(word: String, root: String) {
        #expect(EnglishStemmer.stem(word) == root)
    }
}

@Suite struct AnalyzerStemTests {
    @Test func englishRootsOnlyWhenKnown() {
        let stemmer = IndonesianStemmer(dictionary: ["apply", "job"])
        #expect(TextAnalyzer.computeStem("applying", stemmer) == "apply")
        #expect(TextAnalyzer.computeStem("jobs", stemmer) == "job")
        #expect(TextAnalyzer.computeStem("mending", stemmer) == "mending", "Indonesian slang is not an English -ing form")
    }
}
