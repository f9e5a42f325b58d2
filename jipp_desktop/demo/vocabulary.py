"""The word parts demo innovations are built from: per government affair, the offices that run
such innovations, what they are about, the problem they answer and what changed.

Titles follow the habit of the national registry: an acronym that reads as a word, made from
the description's syllables, then the description in brackets ("SIPEGIBA (Sistem Informasi
Pemantauan Gizi Balita)", "SiPandu (…)", "E-Peken (…)").
Every name here is made up; only the region and agency names come from the reference data.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    """What innovations of one government affair (sector code) are made of.

    Attributes:
        sector: the code of ``reference.codes.SECTORS``.
        units: offices (OPD/UPP) that run such innovations.
        topics: what an innovation is about, as a noun phrase for the title.
        problems: what went wrong before (a clause after "Sebelumnya,").
        actions: what residents can now do (a verb phrase).
        stakeholders: who takes part.
        outcomes: what is measured afterwards (a noun phrase before "naik/turun ... persen").
    """

    sector: str
    units: tuple[str, ...]
    topics: tuple[str, ...]
    problems: tuple[str, ...]
    actions: tuple[str, ...]
    stakeholders: tuple[str, ...]
    outcomes: tuple[str, ...]


THEMES: tuple[Theme, ...] = (
    Theme(
        "health",
        ("Dinas Kesehatan", "RSUD", "Puskesmas Kecamatan", "UPTD Laboratorium Kesehatan"),
        (
            "Pemantauan Gizi Balita",
            "Deteksi Dini Stunting",
            "Rujukan Pasien Gawat Darurat",
            "Pemeriksaan Ibu Hamil",
            "Imunisasi Anak Sekolah",
            "Antrean Pasien Rawat Jalan",
            "Pengantaran Obat Pasien Kronis",
            "Skrining Tuberkulosis",
            "Kunjungan Rumah Lansia",
        ),
        (
            "ibu hamil di desa terpencil jarang memeriksakan kandungan",
            "pasien harus antre sejak subuh untuk mendapat nomor",
            "data gizi balita tercatat di buku dan terlambat dilaporkan",
            "rujukan pasien gawat darurat sering tertunda karena ruang penuh",
        ),
        (
            "memantau jadwal pemeriksaan",
            "mengambil nomor antrean dari rumah",
            "melaporkan keluhan kesehatan kepada petugas",
            "menerima obat tanpa datang ke puskesmas",
        ),
        ("puskesmas", "kader posyandu", "bidan desa", "pemerintah desa", "PKK"),
        ("angka balita stunting", "waktu tunggu pasien", "cakupan imunisasi dasar lengkap"),
    ),
    Theme(
        "education",
        ("Dinas Pendidikan", "Dinas Pendidikan dan Kebudayaan", "UPTD Satuan Pendidikan"),
        (
            "Pendampingan Anak Putus Sekolah",
            "Literasi Membaca Siswa",
            "Penerimaan Peserta Didik Baru",
            "Beasiswa Siswa Kurang Mampu",
            "Kelas Jauh Daerah Terpencil",
            "Pelatihan Guru Berbasis Komunitas",
        ),
        (
            "banyak anak di pesisir berhenti sekolah setelah tamat SD",
            "pendaftaran sekolah membuat orang tua antre berhari-hari",
            "kemampuan membaca siswa kelas awal masih rendah",
        ),
        (
            "mendaftarkan anak ke sekolah",
            "meminjam buku bacaan anak",
            "mengajukan beasiswa",
        ),
        ("sekolah", "komite sekolah", "guru penggerak", "orang tua murid", "taman bacaan"),
        ("angka putus sekolah", "angka partisipasi sekolah", "nilai literasi siswa"),
    ),
    Theme(
        "civil_registration",
        ("Dinas Kependudukan dan Pencatatan Sipil",),
        (
            "Akta Kelahiran Bayi Baru Lahir",
            "Kartu Identitas Anak",
            "Perekaman KTP Elektronik",
            "Akta Kematian dan Santunan",
            "Pindah Datang Penduduk",
            "Dokumen Kependudukan Penyandang Disabilitas",
        ),
        (
            "warga harus datang berkali-kali ke kantor dinas untuk satu dokumen",
            "banyak bayi belum mempunyai akta kelahiran sampai usia sekolah",
            "warga di pulau kecil menempuh perjalanan laut untuk merekam KTP",
        ),
        (
            "mengurus dokumen kependudukan dari kantor desa",
            "menerima akta kelahiran sebelum pulang dari rumah sakit",
            "mencetak dokumen sendiri di anjungan mandiri",
        ),
        ("rumah sakit", "kantor desa", "kecamatan", "KUA", "Dinas Sosial"),
        ("cakupan kepemilikan akta kelahiran", "waktu penerbitan dokumen"),
    ),
    Theme(
        "social",
        ("Dinas Sosial", "UPTD Rehabilitasi Sosial"),
        (
            "Data Terpadu Kesejahteraan Sosial",
            "Bantuan Sosial Tepat Sasaran",
            "Pendampingan Penyandang Disabilitas",
            "Layanan Lansia Terlantar",
        ),
        (
            "bantuan sosial sering salah sasaran karena data tidak mutakhir",
            "penyandang disabilitas sulit mendapat layanan rehabilitasi",
        ),
        ("mengusulkan diri sebagai penerima bantuan", "mengecek status bantuan"),
        ("pendamping PKH", "karang taruna", "pemerintah desa", "lembaga kesejahteraan sosial"),
        ("ketepatan sasaran bantuan", "jumlah keluarga miskin"),
    ),
    Theme(
        "investment",
        ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "Mal Pelayanan Publik"),
        (
            "Perizinan Berusaha",
            "Perizinan Usaha Mikro",
            "Persetujuan Bangunan Gedung",
            "Konsultasi Investasi",
        ),
        (
            "izin usaha mikro terbit dalam tiga minggu",
            "pemohon izin tidak tahu berkas apa yang kurang",
        ),
        ("mengajukan izin usaha", "melacak permohonan izin"),
        ("pelaku UMKM", "asosiasi pengusaha", "perbankan daerah"),
        ("waktu penerbitan izin", "jumlah izin usaha mikro"),
    ),
    Theme(
        "agriculture",
        ("Dinas Pertanian", "Dinas Ketahanan Pangan dan Pertanian", "Balai Penyuluhan Pertanian"),
        (
            "Pupuk Bersubsidi Petani",
            "Penyuluhan Pertanian Keliling",
            "Asuransi Usaha Tani Padi",
            "Klinik Tanaman Hortikultura",
        ),
        (
            "petani kesulitan mendapatkan pupuk bersubsidi saat musim tanam",
            "serangan hama terlambat ditangani",
        ),
        ("memesan pupuk bersubsidi", "berkonsultasi dengan penyuluh"),
        ("kelompok tani", "penyuluh pertanian", "koperasi", "kios pupuk"),
        ("produktivitas padi", "luas lahan puso"),
    ),
    Theme(
        "marine_fisheries",
        ("Dinas Kelautan dan Perikanan", "Pelabuhan Perikanan"),
        ("Perlindungan Nelayan Kecil", "Cold Storage Hasil Tangkapan", "Budidaya Rumput Laut"),
        (
            "ikan tangkapan nelayan cepat busuk karena tidak ada pendingin",
            "nelayan kecil belum terdaftar sehingga tidak mendapat asuransi",
        ),
        ("mendaftar sebagai nelayan", "menjual hasil tangkapan dengan harga layak"),
        ("kelompok nelayan", "koperasi perikanan", "syahbandar"),
        ("pendapatan nelayan", "harga ikan di tingkat nelayan"),
    ),
    Theme(
        "environment",
        ("Dinas Lingkungan Hidup",),
        (
            "Bank Sampah Kelurahan",
            "Pengelolaan Sampah Rumah Tangga",
            "Pemantauan Kualitas Air Sungai",
        ),
        (
            "sampah rumah tangga menumpuk di bantaran sungai",
            "pencemaran sungai baru diketahui setelah ikan mati",
        ),
        ("menabung sampah terpilah", "melaporkan pencemaran"),
        ("bank sampah unit", "sekolah adiwiyata", "tokoh masyarakat", "pelaku usaha"),
        ("volume sampah ke TPA", "indeks kualitas air"),
    ),
    Theme(
        "transport",
        ("Dinas Perhubungan",),
        ("Uji Kendaraan Bermotor", "Angkutan Sekolah Gratis", "Parkir Elektronik Kawasan"),
        ("uji kir kendaraan memakan waktu seharian", "anak sekolah di pinggiran berjalan jauh"),
        ("mendaftar uji kendaraan", "naik angkutan sekolah"),
        ("pengusaha angkutan", "sekolah", "Satlantas"),
        ("waktu layanan uji kendaraan", "jumlah penumpang angkutan sekolah"),
    ),
    Theme(
        "women_children",
        ("Dinas Pemberdayaan Perempuan dan Perlindungan Anak",),
        (
            "Pengaduan Kekerasan terhadap Anak",
            "Perlindungan Perempuan Korban",
            "Partisipasi Forum Anak",
        ),
        ("korban kekerasan tidak tahu ke mana harus melapor",),
        ("melaporkan kekerasan secara rahasia", "mendapat pendampingan hukum"),
        ("UPTD PPA", "kepolisian", "psikolog", "lembaga bantuan hukum"),
        ("jumlah kasus yang tertangani",),
    ),
    Theme(
        "village",
        ("Dinas Pemberdayaan Masyarakat dan Desa",),
        ("Transparansi Dana Desa", "Pengembangan BUMDes", "Musyawarah Perencanaan Desa"),
        ("laporan penggunaan dana desa terlambat dan sulit diperiksa",),
        ("memantau penggunaan dana desa",),
        ("perangkat desa", "BPD", "pendamping desa"),
        ("ketepatan waktu laporan dana desa",),
    ),
    Theme(
        "religion",
        ("Kantor Kementerian Agama", "Kantor Urusan Agama"),
        ("Pencatatan Nikah", "Bimbingan Perkawinan", "Layanan Haji dan Umrah"),
        ("calon pengantin harus bolak-balik ke KUA untuk melengkapi berkas",),
        ("mendaftar nikah", "mengecek nomor porsi haji"),
        ("KUA", "penyuluh agama", "Dinas Kependudukan dan Pencatatan Sipil"),
        ("waktu pendaftaran nikah",),
    ),
    Theme(
        "law",
        ("Kantor Wilayah Kementerian Hukum dan HAM", "Lembaga Pemasyarakatan", "Kantor Imigrasi"),
        ("Paspor Jemput Bola", "Layanan Warga Binaan", "Bantuan Hukum Masyarakat Miskin"),
        ("warga di kabupaten jauh harus menginap di kota untuk membuat paspor",),
        ("membuat paspor di kecamatan", "mendaftar kunjungan warga binaan"),
        ("pemerintah kabupaten", "organisasi bantuan hukum", "keluarga warga binaan"),
        ("waktu penerbitan paspor",),
    ),
    Theme(
        "finance",
        ("Badan Pendapatan Daerah", "Badan Keuangan dan Aset Daerah", "Kantor Pelayanan Pajak"),
        (
            "Pembayaran Pajak Bumi dan Bangunan",
            "Retribusi Pasar Tradisional",
            "Pajak Kendaraan Bermotor",
        ),
        ("wajib pajak harus datang ke kantor untuk membayar PBB",),
        ("membayar pajak dari gerai ritel", "mengecek tagihan pajak"),
        ("bank daerah", "kantor pos", "gerai ritel", "pemerintah desa"),
        ("realisasi penerimaan PBB",),
    ),
    Theme(
        "public_order",
        (
            "Badan Penanggulangan Bencana Daerah",
            "Satuan Polisi Pamong Praja",
            "Dinas Pemadam Kebakaran",
        ),
        ("Peringatan Dini Banjir", "Tanggap Darurat Kebakaran", "Desa Tangguh Bencana"),
        ("warga terlambat menerima peringatan banjir",),
        ("menerima peringatan dini", "meminta bantuan darurat"),
        ("relawan", "TNI/Polri", "pemerintah desa", "radio komunitas"),
        ("waktu tanggap darurat",),
    ),
)

THEMES += (
    Theme(
        "land",
        ("Kantor Pertanahan", "Kantor Wilayah Badan Pertanahan Nasional"),
        ("Sertipikat Tanah Elektronik", "Pendaftaran Tanah Sistematis", "Pengukuran Bidang Tanah"),
        ("pemilik tanah menunggu berbulan-bulan untuk sertipikat",),
        ("mengecek status berkas sertipikat", "mendaftarkan bidang tanah"),
        ("pemerintah desa", "notaris/PPAT", "perbankan"),
        ("jumlah bidang tanah bersertipikat",),
    ),
    Theme(
        "trade",
        ("Direktorat Jenderal Perlindungan Konsumen dan Tertib Niaga", "Balai Metrologi"),
        ("Tera Ulang Timbangan Pasar", "Pengaduan Konsumen", "Pemantauan Harga Bahan Pokok"),
        ("timbangan pedagang pasar tidak pernah ditera ulang",),
        ("melaporkan kecurangan takaran", "memantau harga bahan pokok"),
        ("pengelola pasar", "pedagang", "lembaga perlindungan konsumen"),
        ("jumlah timbangan bertanda tera sah",),
    ),
)

LEADS: tuple[str, ...] = (
    "Sistem Informasi",
    "Aplikasi",
    "Layanan",
    "Gerakan",
    "Program",
    "Gerai",
    "Klinik",
    "Pojok",
    "Rumah",
    "Jemput Bola",
    "Inovasi",
    "Kampung",
    "Ayo",
    "Sahabat",
    "Gema",
    "Mobil",
    "Kartu",
    "Sapa",
)

# Short on purpose: in registry titles the long, telling word is the topic, not the qualifier.
QUALIFIERS: tuple[str, ...] = (
    "Terpadu",
    "Satu Pintu",
    "Keliling",
    "Daring",
    "Tanpa Antre",
    "Inklusif",
    "di Kecamatan",
    "Digital",
    "Mandiri",
    "Sehari Jadi",
    "dari Rumah",
    "Akhir Pekan",
    "untuk Lansia",
    "Bersama Kader",
    "Jemput Antar",
    "di Pasar",
    "Malam Hari",
    "Gotong Royong",
    "Tepat Waktu",
    "Ramah Anak",
    "Pintar",
    "Cerdas",
    "Sigap",
    "Sehat",
)

CHANNELS: tuple[str, ...] = (
    "aplikasi ponsel",
    "layanan pesan singkat",
    "petugas keliling",
    "gerai di kantor kecamatan",
    "laman daring",
    "kader di setiap desa",
)

# Words an acronym skips: they carry no syllable in the registry's acronyms.
SMALL_WORDS = frozenset({"dan", "di", "untuk", "ke", "dari", "yang", "bagi", "terhadap"})

# Academic titles as officers write them around their names: (before, after), by the
# government affair whose innovators often hold them; GENERAL_TITLES for every affair.
GENERAL_TITLES: tuple[tuple[str, str], ...] = (
    ("", "S.E."),
    ("", "S.Sos."),
    ("", "S.AP., M.AP."),
    ("", "S.E., M.Si."),
    ("Dr. ", "M.Si."),
    ("", "S.Kom."),
)
SECTOR_TITLES: dict[str, tuple[tuple[str, str], ...]] = {
    "health": (("dr. ", ""), ("dr. ", "M.Kes."), ("", "S.Kep., Ns."), ("", "S.K.M., M.Kes.")),
    "education": (("", "S.Pd."), ("", "S.Pd., M.Pd."), ("Dr. ", "M.Pd.")),
    "agriculture": (("Ir. ", ""), ("", "S.P., M.P.")),
    "public_works": (("Ir. ", "M.T."), ("", "S.T.")),
    "law": (("", "S.H."), ("", "S.H., M.H.")),
    "civil_registration": (("", "S.H."), ("", "S.Kom.")),
    "marine_fisheries": (("", "S.Pi., M.Si."),),
    "environment": (("Ir. ", "M.Sc."), ("", "S.T.")),
    "religion": (("", "S.Ag."), ("", "S.Ag., M.Pd.I.")),
}

FIRST_NAMES: tuple[str, ...] = (
    "Adi", "Ayu", "Bagus", "Citra", "Dedi", "Dian", "Eka", "Fajar", "Fitri", "Gita", "Hendra",
    "Indah", "Joko", "Kartika", "Lina", "Made", "Nur", "Oka", "Putri", "Rahmat", "Sari",
    "Taufik", "Udin", "Wayan", "Yanti", "Yusuf", "Zainal", "Ketut", "Andi", "Siti", "Ahmad",
)  # fmt: skip
LAST_NAMES: tuple[str, ...] = (
    "Pratama", "Saputra", "Wijaya", "Hidayat", "Kurniawan", "Lestari", "Santoso", "Siregar",
    "Nasution", "Simanjuntak", "Harahap", "Wibowo", "Setiawan", "Rahayu", "Sulistyo",
    "Purnomo", "Halim", "Mahendra", "Suryani", "Yulianti", "Tanjung", "Pakpahan", "Daeng",
)  # fmt: skip

POSITIONS: tuple[str, ...] = (
    "Sekretaris Jenderal",
    "Kepala Biro Organisasi dan Tata Laksana",
    "Inspektur Jenderal",
    "Kepala Biro Perencanaan",
    "Direktur Jenderal",
)

# Stages reached in the yearly competition; more innovations reach the Top 99 than the Top 45.
AWARD_STAGES: tuple[str, ...] = ("Top 99", "Top 99", "Top 99", "Top 45")
AWARD_COMPETITION = "Kompetisi Inovasi Pelayanan Publik (KIPP)"
# The KIPP rounds with a Top 99 (2014-2023; no round in 2024) and the first with a Top 45.
AWARD_YEARS: tuple[int, ...] = tuple(range(2014, 2024))
TOP_45_FROM = 2019

# Sectors that only central bodies serve: regional governments' innovations never get them.
CENTRAL_SECTORS = frozenset({"religion", "law", "land", "trade"})

# The government affair each 2023 hub ministry or agency mostly innovates in.
MINISTRY_SECTORS: dict[str, str] = {
    "Kementerian Agama": "religion",
    "Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional": "land",
    "Kementerian Hukum dan Hak Asasi Manusia": "law",
    "Kementerian Kelautan dan Perikanan": "marine_fisheries",
    "Kementerian Keuangan": "finance",
    "Kementerian Perdagangan": "trade",
    "Kementerian Pertanian": "agriculture",
    "Kementerian Sosial": "social",
    "Kepolisian Negara Republik Indonesia": "public_order",
    "Mahkamah Agung": "law",
    "Badan Pengawas Obat dan Makanan": "health",
    "Kejaksaan Agung": "law",
}
