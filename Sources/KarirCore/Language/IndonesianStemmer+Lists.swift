// Hand-kept word lists for the stemmer, written for this project from everyday vocabulary
// (not taken from any published root-word list). Staff can add more roots simply by using the
// words in the knowledge base: every knowledge word also counts as known.

extension IndonesianStemmer {
    /// Common roots, so that affixed forms stem well even when the knowledge base only uses the
    /// affixed form.
    public static let builtInRoots: Set<String> = [
        // work and jobs
        "kerja", "karya", "usaha", "lamar", "daftar", "latih", "ajar", "didik", "guru", "murid", "magang",
        "gaji", "upah", "bayar", "biaya", "harga", "tarif", "untung", "rugi", "hasil", "produksi",
        "jual", "beli", "dagang", "kirim", "antar", "jemput", "masak", "jahit", "las", "rakit", "rawat",
        "jaga", "bersih", "cuci", "sapu", "angkat", "angkut", "bangun", "pasang", "perbaiki", "baik",
        "servis", "periksa", "uji", "nilai", "ukur", "hitung", "catat", "tulis", "baca", "ketik", "cetak",
        "layan", "bantu", "tolong", "urus", "atur", "pimpin", "kelola", "awas", "tanggung", "jawab",
        "tanya", "minta", "terima", "tolak", "setuju", "janji", "kontrak", "putus", "henti", "berhenti",
        "pecat", "keluar", "masuk", "pindah", "tempat", "lokasi", "kantor", "pabrik", "toko", "gudang",
        "cari", "temu", "dapat", "pilih", "tentu", "putus", "ubah", "ganti", "tambah", "kurang", "lengkap",
        "siap", "isi", "unggah", "unduh", "kumpul", "serah", "tunjuk", "pakai", "guna", "buat", "bikin",
        "lapor", "adu", "tipu", "bohong", "palsu", "aman", "lindung", "jamin", "klaim", "cair", "tarik",
        "tabung", "simpan", "hilang", "rusak", "lupa", "ingat", "tahu", "kenal", "pikir", "rasa", "mau",
        "ingin", "harap", "coba", "tunggu", "mulai", "selesai", "lanjut", "ulang", "panjang", "pendek",
        "lama", "baru", "cepat", "lambat", "mudah", "susah", "sulit", "berat", "ringan", "besar", "kecil",
        "tinggi", "rendah", "banyak", "sedikit", "sehat", "sakit", "hamil", "lahir", "cuti", "libur",
        "lembur", "istirahat", "tidur", "makan", "minum", "jalan", "pergi", "datang", "pulang", "tinggal",
        "duduk", "diri", "lihat", "dengar", "bicara", "cakap", "kata", "sebut", "panggil", "hubung",
        "telepon", "pesan", "balas", "jelas", "terang", "tunjang", "sertifikat", "akui", "resmi", "sah",
        "izin", "larang", "wajib", "hak", "adil", "salah", "benar", "betul", "pasti", "ragu", "takut",
        "marah", "sedih", "senang", "bosan", "capek", "lelah", "stres", "bunuh", "mati", "hidup", "pukul",
        "siksa", "ancam", "paksa", "jual", "culik", "kurung", "tahan", "sita", "rampas", "lecehkan", "leceh",
        "kasar", "keras", "ikut", "sertai", "gabung", "pisah", "tukar", "tawar", "untung", "rencana",
        "siap", "tes", "seleksi", "lulus", "gagal", "menang", "kalah", "juara", "pintar", "bodoh", "mampu",
        "bisa", "boleh", "harus", "perlu", "butuh", "pinjam", "utang", "hutang", "cicil", "potong", "pajak",
        "tanda", "tangan", "foto", "kartu", "surat", "berkas", "dokumen", "syarat", "aju", "ajuan", "proses",
        "kembang", "tumbuh", "naik", "turun", "tetap", "sementara", "tugas", "fungsi", "jabat", "pangkat",
        "tingkat", "kelas", "sekolah", "kuliah", "kampus", "ilmu", "ahli", "terampil", "kemampuan",
        "minat", "bakat", "cita", "impian", "arah", "tuju", "maksud", "arti", "beda", "sama", "samping",
        "luar", "dalam", "negeri", "asing", "berangkat", "tiba", "kapal", "terbang", "bawa", "titip",
        "urut", "antri", "antre", "tunjuk", "kenai", "kena", "rekam", "akses", "masuk", "sandi", "akun",
        "verifikasi", "aktif", "blokir", "buka", "tutup", "ambil", "beri", "kasih", "tolak", "ajak",
        "undang", "wawancara", "tampil", "pakaian", "rapi", "sopan", "gugup", "percaya", "yakin",
        "diskriminasi", "cacat", "difabel", "disabilitas", "nikah", "cerai", "anak", "keluarga", "orang",
        "tua", "muda", "umur", "usia", "jam", "hari", "minggu", "bulan", "tahun", "waktu", "malam", "pagi",
        "siang", "sore", "shift", "giliran", "ganti", "bagi", "kumpul", "rekrut", "salur", "tempat",
        "letak", "sedia", "tawar", "promosi", "iklan", "sebar", "viral", "online", "daring", "luring",
        "kembali", "balik", "sambung", "lepas", "ikat", "tanam", "tani", "nelayan", "ternak", "pelihara",
        "pandu", "saran", "nasihat", "konsultasi", "arahan", "bimbing", "dampingi", "damping",
    ]

    /// Words that look affixed but are roots (or whose stripping would change their meaning).
    public static let builtInExceptions: Set<String> = [
        "berapa", "bersama", "beberapa", "sekolah", "masalah", "terima", "tetapi", "sebelum", "sesudah",
        // meninggal (to die) is not tinggal (to stay)
        "meninggal", "wafat",
        // petak (a plot, a room) is not pe- + tak
        "petak",
        // roots that a prefix or confix would cut down to another known word: pecat (dismiss)
        // is not pe- + cat (paint), pegang not pe- + gang, bersih not ber- + sih, penuh not
        // pe- + tuh, berkas not ber- + kas, masing not ma- + sing, mertua not tua
        "pecat", "pegang", "bersih", "penuh", "berkas", "masing", "mertua", "pemerintah", "pemberi", "member",
        // roots that a prefix, a suffix or a particle would cut down to another known word:
        // menteri (minister) is not me- + ter + -i, menang (win) not me- + nang, kelas not
        // ke- + las (welding), sepak not se- + pak, ternak not ter- + nak, peserta not
        // pe- + serta, kursi not kurs + -i, tunai not tuna + -i, pemalu not pe- + palu, terapi
        // not ter- + api, melek not me- + lek, muntah not mun + -tah, gadai not gada + -i,
        // polisi (police) not polis (an insurance policy) + -i
        "menteri", "menang", "kelas", "sepak", "ternak", "peserta", "kursi", "tunai", "pemalu", "terapi",
        "melek", "muntah", "gadai", "membership", "polisi",
        // acronyms that end like an English plural (KITAS is not "kita" + -s)
        "kitas", "kitap",
        // names that end like the colloquial -in suffix
        "linkedin",
        // words that end like the particles -kah and -pun ("lang" + -kah, "him" + -pun)
        "langkah", "himpun", "rumpun", "ampun",
        "selama", "seperti", "sekarang", "semua", "sedang", "setelah", "serta", "sering", "sekitar",
        "pelangi", "perempuan", "makan", "minum", "teman", "pertama", "kemarin", "kemudian", "kepada",
        "sendiri", "sesuai", "segera", "selalu", "selain", "sempat", "sering", "ketika", "tentang",
        "karena", "dengan", "tanpa", "bagaimana", "mengapa", "menurut", "merah", "medan", "menara",
        "pelajar", "pemuda", "perawat", "petani", "peternak", "penjahit", "pegawai", "pekan", "peran",
        "perlu", "pergi", "percaya", "pernah", "persen", "perut", "kantor", "kanan", "makin", "mana",
        "dimana", "lain", "lainnya", "bukan", "ikan", "jalan", "akan", "tuan", "taman", "bulan", "badan",
        "dian", "kain", "main", "ingin", "angin", "mesin", "yakin", "miskin", "tahan", "lahan", "pesan",
        "selamat", "sepatu", "sekali", "senin", "selasa", "sabtu", "keluar", "kerja", "terus", "tertentu",
        "beri", "dari", "hari", "cari", "kiri", "diri", "lari", "mati", "hati", "kali", "kopi", "pagi",
        "tinggi", "gaji", "bisnis", "desain", "domain", "maintain", "certain", "obtain", "captain", "bargain",
    ]
}
