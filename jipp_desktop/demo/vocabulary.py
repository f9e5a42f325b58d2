"""The word parts demo innovations are built from: per government affair, the offices that run
such innovations, who takes part and the kinds of innovation (:class:`Case`), each with the
problem it answers, what residents can now do, how they reach it and what changed, written to
go together so that a record's narrative tells one story.

Titles follow the habit of the national registry: an acronym that reads as a word, made from
the description's syllables, then the description in brackets ("SIPEGIBA (Sistem Informasi
Pemantauan Gizi Balita)", "SiPandu (…)", "E-Peken (…)").
Every name here is made up; only the region and agency names come from the reference data.
"""

from __future__ import annotations

from dataclasses import dataclass

# How residents reach a service (each reads after "Melalui"); a case names those that fit it.
APP = "aplikasi ponsel"
SMS = "layanan pesan singkat"
WEB = "laman daring"
ROVING = "petugas keliling"
DISTRICT_DESK = "gerai di kantor kecamatan"
CADRES = "kader di setiap desa"


@dataclass(frozen=True)
class Case:
    """One kind of innovation, its words written to go together in a record's narrative.

    Attributes:
        topic: what it is about, a noun phrase in Title Case for the title ("Pemantauan Gizi
            Balita").
        problem: what went wrong before, a clause that reads after "Sebelumnya,".
        action: what residents can now do, a verb phrase that reads after "warga X kini dapat".
        outcome: what is measured afterwards, a noun phrase that reads before "membaik N
            persen".
        channels: how residents reach the service, each reading after "Melalui".
    """

    topic: str
    problem: str
    action: str
    outcome: str
    channels: tuple[str, ...]


@dataclass(frozen=True)
class Theme:
    """What innovations of one government affair (sector code) are made of.

    Attributes:
        sector: the code of ``reference.codes.SECTORS``.
        units: offices (OPD/UPP) that run such innovations.
        cases: the kinds of innovation, each with its own problem, action and outcome.
        stakeholders: who takes part.
    """

    sector: str
    units: tuple[str, ...]
    cases: tuple[Case, ...]
    stakeholders: tuple[str, ...]


THEMES: tuple[Theme, ...] = (
    Theme(
        "health",
        ("Dinas Kesehatan", "RSUD", "Puskesmas Kecamatan", "UPTD Laboratorium Kesehatan"),
        (
            Case(
                "Pemantauan Gizi Balita",
                "data gizi balita tercatat di buku posyandu dan terlambat dilaporkan",
                "memantau berat dan tinggi badan balitanya setiap bulan",
                "cakupan penimbangan balita",
                (APP, SMS, CADRES),
            ),
            Case(
                "Deteksi Dini Stunting",
                "balita berisiko stunting baru diketahui setelah pertumbuhannya jauh tertinggal",
                "memeriksakan tumbuh kembang anak sejak dini",
                "angka balita stunting",
                (APP, ROVING, CADRES),
            ),
            Case(
                "Rujukan Pasien Gawat Darurat",
                "rujukan pasien gawat darurat sering tertunda karena ruang rawat rumah sakit penuh",
                "meminta ambulans dan mengetahui rumah sakit yang siap menerima pasien",
                "waktu rujukan pasien gawat darurat",
                (APP, "nomor panggilan darurat 119"),
            ),
            Case(
                "Pemeriksaan Ibu Hamil",
                "ibu hamil di desa terpencil jarang memeriksakan kandungan",
                "menerima pengingat jadwal pemeriksaan kehamilan",
                "cakupan pemeriksaan kehamilan",
                (SMS, CADRES, "bidan di setiap desa"),
            ),
            Case(
                "Imunisasi Anak Sekolah",
                "banyak anak sekolah terlewat imunisasi lanjutan karena orang tua tidak tahu "
                "jadwalnya",
                "mengetahui jadwal imunisasi di sekolah anaknya",
                "cakupan imunisasi anak sekolah",
                (APP, SMS, "guru UKS di setiap sekolah"),
            ),
            Case(
                "Antrean Pasien Rawat Jalan",
                "pasien harus antre sejak subuh untuk mendapat nomor",
                "mengambil nomor antrean rawat jalan sebelum berangkat dari rumah",
                "waktu tunggu pasien",
                (APP, SMS, WEB),
            ),
            Case(
                "Pengantaran Obat Pasien Kronis",
                "pasien penyakit kronis harus datang ke puskesmas setiap bulan hanya untuk "
                "mengambil obat",
                "menerima obat rutin tanpa harus datang ke puskesmas",
                "kepatuhan minum obat pasien kronis",
                (APP, SMS, ROVING),
            ),
            Case(
                "Skrining Tuberkulosis",
                "banyak penderita tuberkulosis tidak terdeteksi karena enggan memeriksakan batuk "
                "yang lama",
                "memeriksakan batuk yang tidak kunjung sembuh tanpa biaya",
                "angka penemuan kasus tuberkulosis",
                (ROVING, CADRES),
            ),
            Case(
                "Kunjungan Rumah Lansia",
                "lansia yang tinggal sendiri jarang memeriksakan kesehatan karena sulit bepergian",
                "meminta petugas kesehatan mengunjungi lansia di rumah",
                "cakupan pemeriksaan kesehatan lansia",
                (APP, SMS, CADRES),
            ),
        ),
        ("puskesmas", "kader posyandu", "bidan desa", "pemerintah desa", "PKK"),
    ),
    Theme(
        "education",
        ("Dinas Pendidikan", "Dinas Pendidikan dan Kebudayaan", "UPTD Satuan Pendidikan"),
        (
            Case(
                "Pendampingan Anak Putus Sekolah",
                "banyak anak di pesisir berhenti sekolah setelah tamat SD",
                "melaporkan anak putus sekolah agar didampingi kembali bersekolah",
                "angka putus sekolah",
                (APP, SMS, CADRES),
            ),
            Case(
                "Literasi Membaca Siswa",
                "kemampuan membaca siswa kelas awal masih rendah",
                "meminjam buku bacaan anak",
                "nilai literasi siswa",
                (APP, ROVING, "taman bacaan di setiap desa"),
            ),
            Case(
                "Penerimaan Peserta Didik Baru",
                "pendaftaran sekolah membuat orang tua antre berhari-hari",
                "mendaftarkan anak ke sekolah tanpa harus antre berhari-hari",
                "waktu pendaftaran peserta didik baru",
                (APP, WEB, DISTRICT_DESK),
            ),
            Case(
                "Beasiswa Siswa Kurang Mampu",
                "siswa dari keluarga kurang mampu tidak tahu cara mendapat beasiswa",
                "mengajukan beasiswa dan memantau hasil seleksinya",
                "ketepatan sasaran beasiswa",
                (APP, WEB, "operator di setiap sekolah"),
            ),
            Case(
                "Kelas Jauh Daerah Terpencil",
                "anak di dusun terpencil harus berjalan berjam-jam ke sekolah terdekat",
                "mendaftarkan anak ke kelas jauh di dusunnya",
                "angka partisipasi sekolah",
                (ROVING, CADRES, "kantor desa"),
            ),
            Case(
                "Pelatihan Guru Berbasis Komunitas",
                "guru di daerah terpencil jarang mendapat pelatihan karena harus pergi ke ibu "
                "kota kabupaten",
                "mendaftar pelatihan guru di gugus sekolah terdekat",
                "mutu pembelajaran di kelas",
                (APP, WEB, "kelompok kerja guru di setiap gugus"),
            ),
        ),
        ("sekolah", "komite sekolah", "guru penggerak", "orang tua murid", "taman bacaan"),
    ),
    Theme(
        "civil_registration",
        ("Dinas Kependudukan dan Pencatatan Sipil",),
        (
            Case(
                "Akta Kelahiran Bayi Baru Lahir",
                "banyak bayi belum mempunyai akta kelahiran sampai usia sekolah",
                "menerima akta kelahiran bayi sebelum pulang dari rumah sakit",
                "cakupan kepemilikan akta kelahiran",
                (APP, "petugas di setiap rumah sakit bersalin"),
            ),
            Case(
                "Kartu Identitas Anak",
                "sebagian besar anak belum mempunyai kartu identitas anak karena orang tua tidak "
                "tahu syaratnya",
                "mengajukan kartu identitas anak tanpa harus datang ke kantor dinas",
                "cakupan kepemilikan kartu identitas anak",
                (APP, WEB, DISTRICT_DESK),
            ),
            Case(
                "Perekaman KTP Elektronik",
                "warga di pulau kecil menempuh perjalanan laut untuk merekam KTP",
                "menjadwalkan perekaman KTP elektronik di desanya sendiri",
                "cakupan perekaman KTP elektronik",
                (ROVING, SMS, "kantor desa"),
            ),
            Case(
                "Akta Kematian dan Santunan",
                "ahli waris harus mengurus akta kematian dan santunan kematian di dua kantor yang "
                "berbeda",
                "mengurus akta kematian sekaligus santunan kematian dalam satu permohonan",
                "waktu penerbitan akta kematian",
                (APP, DISTRICT_DESK, "kantor desa"),
            ),
            Case(
                "Pindah Datang Penduduk",
                "warga harus datang berkali-kali ke kantor dinas untuk mengurus surat pindah",
                "mengurus surat pindah datang tanpa harus datang berkali-kali ke kantor dinas",
                "waktu penerbitan dokumen pindah datang",
                (APP, WEB, DISTRICT_DESK),
            ),
            Case(
                "Dokumen Kependudukan Penyandang Disabilitas",
                "banyak penyandang disabilitas belum mempunyai KTP dan kartu keluarga karena "
                "sulit datang ke kantor dinas",
                "meminta petugas merekam data kependudukan penyandang disabilitas di rumah",
                "kepemilikan dokumen kependudukan penyandang disabilitas",
                (APP, SMS, CADRES),
            ),
        ),
        ("rumah sakit", "kantor desa", "kecamatan", "KUA", "Dinas Sosial"),
    ),
    Theme(
        "social",
        ("Dinas Sosial", "UPTD Rehabilitasi Sosial"),
        (
            Case(
                "Data Terpadu Kesejahteraan Sosial",
                "data keluarga miskin hanya diperbarui sekali setahun sehingga banyak yang "
                "tertinggal",
                "mengusulkan keluarganya masuk data terpadu kesejahteraan sosial",
                "kemutakhiran data kesejahteraan sosial",
                (APP, DISTRICT_DESK, "operator di setiap desa"),
            ),
            Case(
                "Bantuan Sosial Tepat Sasaran",
                "bantuan sosial sering salah sasaran karena data tidak mutakhir",
                "mengecek status bantuan dan melaporkan penerima yang tidak layak",
                "ketepatan sasaran bantuan",
                (APP, SMS, WEB),
            ),
            Case(
                "Pendampingan Penyandang Disabilitas",
                "penyandang disabilitas sulit mendapat layanan rehabilitasi",
                "meminta pendampingan dan layanan rehabilitasi bagi penyandang disabilitas",
                "cakupan layanan rehabilitasi sosial",
                (APP, SMS, ROVING),
            ),
            Case(
                "Layanan Lansia Terlantar",
                "lansia terlantar baru diketahui petugas setelah keadaannya memburuk",
                "melaporkan lansia terlantar di lingkungannya",
                "waktu penanganan lansia terlantar",
                (APP, SMS, CADRES),
            ),
        ),
        ("pendamping PKH", "karang taruna", "pemerintah desa", "lembaga kesejahteraan sosial"),
    ),
    Theme(
        "investment",
        ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "Mal Pelayanan Publik"),
        (
            Case(
                "Perizinan Berusaha",
                "pemohon izin tidak tahu berkas apa yang kurang",
                "mengajukan izin usaha dan mengetahui berkas yang masih kurang",
                "waktu penerbitan izin",
                (APP, WEB, DISTRICT_DESK),
            ),
            Case(
                "Perizinan Usaha Mikro",
                "izin usaha mikro baru terbit setelah tiga minggu",
                "mengurus izin usaha mikro dalam satu hari",
                "waktu penerbitan izin usaha mikro",
                (APP, ROVING, DISTRICT_DESK),
            ),
            Case(
                "Persetujuan Bangunan Gedung",
                "permohonan persetujuan bangunan gedung tertahan berbulan-bulan tanpa kabar",
                "melacak permohonan persetujuan bangunan gedung",
                "waktu penerbitan persetujuan bangunan gedung",
                (APP, SMS, WEB),
            ),
            Case(
                "Konsultasi Investasi",
                "calon investor sulit mendapat keterangan tentang peluang dan aturan investasi "
                "di daerah",
                "berkonsultasi tentang peluang dan syarat investasi",
                "realisasi investasi daerah",
                (WEB, "meja konsultasi di mal pelayanan publik"),
            ),
        ),
        ("pelaku UMKM", "asosiasi pengusaha", "perbankan daerah"),
    ),
    Theme(
        "agriculture",
        ("Dinas Pertanian", "Dinas Ketahanan Pangan dan Pertanian", "Balai Penyuluhan Pertanian"),
        (
            Case(
                "Pupuk Bersubsidi Petani",
                "petani kesulitan mendapatkan pupuk bersubsidi saat musim tanam",
                "memesan pupuk bersubsidi sebelum musim tanam",
                "ketepatan penyaluran pupuk bersubsidi",
                (APP, SMS, "kios pupuk di setiap kecamatan"),
            ),
            Case(
                "Penyuluhan Pertanian Keliling",
                "penyuluh jarang datang ke desa yang jauh dari balai penyuluhan",
                "berkonsultasi dengan penyuluh tentang tanamannya",
                "produktivitas padi",
                (ROVING, SMS, "kelompok tani di setiap desa"),
            ),
            Case(
                "Asuransi Usaha Tani Padi",
                "petani menanggung sendiri kerugian saat sawahnya puso karena banjir atau "
                "kekeringan",
                "mendaftarkan sawahnya dalam asuransi usaha tani padi",
                "cakupan asuransi usaha tani padi",
                (APP, ROVING, "kelompok tani di setiap desa"),
            ),
            Case(
                "Klinik Tanaman Hortikultura",
                "serangan hama terlambat ditangani",
                "melaporkan serangan hama dan mendapat saran penanganannya",
                "hasil panen hortikultura",
                (APP, SMS, ROVING),
            ),
        ),
        ("kelompok tani", "penyuluh pertanian", "koperasi", "kios pupuk"),
    ),
    Theme(
        "marine_fisheries",
        ("Dinas Kelautan dan Perikanan", "Pelabuhan Perikanan"),
        (
            Case(
                "Perlindungan Nelayan Kecil",
                "nelayan kecil belum terdaftar sehingga tidak mendapat asuransi",
                "mendaftar sebagai nelayan dan mendapat asuransi nelayan",
                "cakupan asuransi nelayan",
                (APP, ROVING, "kantor desa pesisir"),
            ),
            Case(
                "Cold Storage Hasil Tangkapan",
                "ikan tangkapan nelayan cepat busuk karena tidak ada pendingin",
                "menitipkan hasil tangkapan di gudang pendingin lalu menjualnya dengan harga layak",
                "harga ikan di tingkat nelayan",
                (APP, SMS, "koperasi di setiap tempat pelelangan ikan"),
            ),
            Case(
                "Budidaya Rumput Laut",
                "pembudi daya rumput laut menjual panennya kepada tengkulak dengan harga murah",
                "memperoleh bibit unggul dan pendampingan budi daya rumput laut",
                "pendapatan pembudi daya rumput laut",
                (ROVING, SMS, "kelompok pembudi daya di setiap desa"),
            ),
        ),
        ("kelompok nelayan", "koperasi perikanan", "syahbandar"),
    ),
    Theme(
        "environment",
        ("Dinas Lingkungan Hidup",),
        (
            Case(
                "Bank Sampah Kelurahan",
                "sampah plastik dan kertas terbuang ke TPA padahal masih bernilai jual",
                "menabung sampah terpilah dan menukarnya dengan uang",
                "pemilahan sampah rumah tangga",
                (APP, "pengurus bank sampah di setiap RW"),
            ),
            Case(
                "Pengelolaan Sampah Rumah Tangga",
                "sampah rumah tangga menumpuk di bantaran sungai",
                "meminta sampah di lingkungannya diangkut sesuai jadwal",
                "cakupan pengangkutan sampah",
                (APP, SMS, CADRES),
            ),
            Case(
                "Pemantauan Kualitas Air Sungai",
                "pencemaran sungai baru diketahui setelah ikan mati",
                "melaporkan pencemaran sungai dan melihat hasil uji kualitas airnya",
                "indeks kualitas air",
                (APP, SMS, WEB),
            ),
        ),
        ("bank sampah unit", "sekolah adiwiyata", "tokoh masyarakat", "pelaku usaha"),
    ),
    Theme(
        "transport",
        ("Dinas Perhubungan",),
        (
            Case(
                "Uji Kendaraan Bermotor",
                "uji kir kendaraan memakan waktu seharian",
                "mendaftar uji kendaraan dan memilih jam pengujian",
                "waktu layanan uji kendaraan",
                (APP, SMS, WEB),
            ),
            Case(
                "Angkutan Sekolah Gratis",
                "anak sekolah di pinggiran kota berjalan jauh atau menumpang kendaraan bak terbuka",
                "mendaftarkan anaknya untuk angkutan sekolah gratis",
                "kehadiran siswa di sekolah",
                (APP, SMS, "wali kelas di setiap sekolah"),
            ),
            Case(
                "Parkir Elektronik Kawasan",
                "tarif parkir di kawasan pertokoan tidak jelas dan banyak pungutan tidak tercatat",
                "membayar parkir secara nontunai dengan tarif yang jelas",
                "penerimaan retribusi parkir",
                (APP, "mesin parkir di setiap ruas jalan"),
            ),
        ),
        ("pengusaha angkutan", "sekolah", "Satlantas"),
    ),
    Theme(
        "women_children",
        ("Dinas Pemberdayaan Perempuan dan Perlindungan Anak",),
        (
            Case(
                "Pengaduan Kekerasan terhadap Anak",
                "anak korban kekerasan dan keluarganya tidak tahu ke mana harus melapor",
                "melaporkan kekerasan terhadap anak secara rahasia",
                "penanganan kasus kekerasan terhadap anak",
                (APP, SMS, CADRES),
            ),
            Case(
                "Perlindungan Perempuan Korban",
                "perempuan korban kekerasan dalam rumah tangga takut melapor dan tidak didampingi",
                "memperoleh pendampingan hukum dan psikologis bagi perempuan korban kekerasan",
                "penanganan kasus kekerasan terhadap perempuan",
                (APP, SMS, "pos pengaduan di setiap kecamatan"),
            ),
            Case(
                "Partisipasi Forum Anak",
                "suara anak jarang didengar dalam musyawarah perencanaan pembangunan",
                "menyampaikan usulan anak untuk musyawarah perencanaan pembangunan",
                "keterlibatan anak dalam perencanaan pembangunan",
                (APP, WEB, "forum anak di setiap desa"),
            ),
        ),
        ("UPTD PPA", "kepolisian", "psikolog", "lembaga bantuan hukum"),
    ),
    Theme(
        "village",
        ("Dinas Pemberdayaan Masyarakat dan Desa",),
        (
            Case(
                "Transparansi Dana Desa",
                "laporan penggunaan dana desa terlambat dan sulit diperiksa",
                "memantau penggunaan dana desa",
                "ketepatan waktu laporan dana desa",
                (APP, WEB, "papan informasi di setiap balai desa"),
            ),
            Case(
                "Pengembangan BUMDes",
                "banyak BUMDes sudah berdiri tetapi tidak menjalankan usaha",
                "menjual hasil kebun dan kerajinannya lewat BUMDes",
                "pendapatan asli desa",
                (APP, WEB, "pendamping di setiap desa"),
            ),
            Case(
                "Musyawarah Perencanaan Desa",
                "usulan warga dusun jarang sampai ke musyawarah perencanaan desa",
                "menyampaikan usulan pembangunan dan memantau tindak lanjutnya",
                "keterlibatan warga dalam perencanaan desa",
                (APP, SMS, "kepala dusun"),
            ),
        ),
        ("perangkat desa", "BPD", "pendamping desa"),
    ),
    Theme(
        "religion",
        ("Kantor Kementerian Agama", "Kantor Urusan Agama"),
        (
            Case(
                "Pencatatan Nikah",
                "calon pengantin harus bolak-balik ke KUA untuk melengkapi berkas",
                "mendaftar nikah dan melengkapi berkas tanpa harus bolak-balik ke KUA",
                "waktu pendaftaran nikah",
                (APP, WEB, "penghulu di setiap kecamatan"),
            ),
            Case(
                "Bimbingan Perkawinan",
                "banyak calon pengantin menikah tanpa pernah mengikuti bimbingan perkawinan",
                "mendaftar bimbingan perkawinan sebelum hari akad",
                "cakupan bimbingan perkawinan calon pengantin",
                (APP, WEB, "penyuluh agama di setiap kecamatan"),
            ),
            Case(
                "Layanan Haji dan Umrah",
                "calon jemaah harus datang ke kantor kementerian untuk mengetahui nomor porsi "
                "dan perkiraan keberangkatan",
                "mengecek nomor porsi dan perkiraan tahun keberangkatan haji",
                "kepuasan calon jemaah haji",
                (APP, SMS, WEB),
            ),
        ),
        ("KUA", "penyuluh agama", "Dinas Kependudukan dan Pencatatan Sipil"),
    ),
    Theme(
        "law",
        ("Kantor Wilayah Kementerian Hukum dan HAM", "Lembaga Pemasyarakatan", "Kantor Imigrasi"),
        (
            Case(
                "Paspor Jemput Bola",
                "warga di kabupaten jauh harus menginap di kota untuk membuat paspor",
                "membuat paspor di kecamatannya sendiri",
                "waktu penerbitan paspor",
                (ROVING, DISTRICT_DESK),
            ),
            Case(
                "Layanan Warga Binaan",
                "keluarga warga binaan harus antre berjam-jam di depan lembaga pemasyarakatan "
                "untuk berkunjung",
                "mendaftar kunjungan warga binaan dan memilih jam berkunjung",
                "waktu tunggu kunjungan",
                (APP, SMS, WEB),
            ),
            Case(
                "Bantuan Hukum Masyarakat Miskin",
                "warga miskin yang berperkara tidak mampu membayar pengacara",
                "mengajukan bantuan hukum tanpa biaya",
                "cakupan bantuan hukum bagi warga miskin",
                (SMS, "paralegal di setiap desa", "pos bantuan hukum di pengadilan"),
            ),
        ),
        ("pemerintah kabupaten", "organisasi bantuan hukum", "keluarga warga binaan"),
    ),
    Theme(
        "finance",
        ("Badan Pendapatan Daerah", "Badan Keuangan dan Aset Daerah", "Kantor Pelayanan Pajak"),
        (
            Case(
                "Pembayaran Pajak Bumi dan Bangunan",
                "wajib pajak harus datang ke kantor untuk membayar PBB",
                "membayar PBB tanpa harus datang ke kantor",
                "realisasi penerimaan PBB",
                (APP, "gerai ritel terdekat", "kantor pos terdekat"),
            ),
            Case(
                "Retribusi Pasar Tradisional",
                "retribusi pasar dipungut tunai tanpa karcis sehingga banyak yang tidak tercatat",
                "membayar retribusi pasar secara nontunai dan menerima bukti bayarnya",
                "realisasi penerimaan retribusi pasar",
                (APP, "petugas pasar dengan mesin pembayaran"),
            ),
            Case(
                "Pajak Kendaraan Bermotor",
                "pemilik kendaraan harus antre di kantor Samsat untuk membayar pajak tahunan",
                "mengecek tagihan dan membayar pajak kendaraan tahunan",
                "kepatuhan pembayaran pajak kendaraan",
                (APP, WEB, "mobil Samsat keliling"),
            ),
        ),
        ("bank daerah", "kantor pos", "gerai ritel", "pemerintah desa"),
    ),
    Theme(
        "public_order",
        (
            "Badan Penanggulangan Bencana Daerah",
            "Satuan Polisi Pamong Praja",
            "Dinas Pemadam Kebakaran",
        ),
        (
            Case(
                "Peringatan Dini Banjir",
                "warga terlambat menerima peringatan banjir",
                "menerima peringatan dini saat air sungai naik",
                "waktu evakuasi warga",
                (APP, SMS, "pengeras suara di setiap balai desa"),
            ),
            Case(
                "Tanggap Darurat Kebakaran",
                "petugas pemadam sering terlambat tiba karena alamat kejadian tidak jelas",
                "meminta bantuan pemadam kebakaran dengan mengirim lokasi kejadian",
                "waktu tanggap darurat",
                (APP, SMS, "nomor panggilan darurat 112"),
            ),
            Case(
                "Desa Tangguh Bencana",
                "warga desa rawan bencana tidak tahu jalur evakuasi dan titik kumpul",
                "mengetahui jalur evakuasi dan titik kumpul di desanya",
                "kesiapsiagaan warga menghadapi bencana",
                (CADRES, ROVING, "relawan di setiap dusun"),
            ),
        ),
        ("relawan", "TNI/Polri", "pemerintah desa", "radio komunitas"),
    ),
)

THEMES += (
    Theme(
        "land",
        ("Kantor Pertanahan", "Kantor Wilayah Badan Pertanahan Nasional"),
        (
            Case(
                "Sertipikat Tanah Elektronik",
                "pemilik tanah menunggu berbulan-bulan untuk sertipikat",
                "mengecek status berkas sertipikat tanpa harus datang ke kantor pertanahan",
                "waktu penerbitan sertipikat",
                (APP, WEB),
            ),
            Case(
                "Pendaftaran Tanah Sistematis",
                "banyak bidang tanah warga desa belum terdaftar sehingga rawan sengketa",
                "mendaftarkan bidang tanahnya tanpa biaya pengukuran",
                "cakupan bidang tanah bersertipikat",
                (ROVING, "panitia ajudikasi di kantor desa"),
            ),
            Case(
                "Pengukuran Bidang Tanah",
                "pemohon pengukuran menunggu berminggu-minggu tanpa tahu jadwal petugas ukur",
                "memesan jadwal pengukuran bidang tanah",
                "ketepatan jadwal pengukuran tanah",
                (APP, WEB, SMS),
            ),
        ),
        ("pemerintah desa", "notaris/PPAT", "perbankan"),
    ),
    Theme(
        "trade",
        ("Direktorat Jenderal Perlindungan Konsumen dan Tertib Niaga", "Balai Metrologi"),
        (
            Case(
                "Tera Ulang Timbangan Pasar",
                "timbangan pedagang pasar tidak pernah ditera ulang",
                "menera ulang timbangan tanpa meninggalkan lapaknya",
                "cakupan timbangan bertanda tera sah",
                (ROVING, "pos tera di setiap pasar"),
            ),
            Case(
                "Pengaduan Konsumen",
                "konsumen yang dirugikan pedagang tidak tahu ke mana harus mengadu",
                "mengadukan kecurangan takaran dan barang yang tidak sesuai",
                "penyelesaian pengaduan konsumen",
                (APP, SMS, WEB),
            ),
            Case(
                "Pemantauan Harga Bahan Pokok",
                "lonjakan harga bahan pokok baru diketahui setelah warga mengeluh",
                "memantau harga bahan pokok di pasar terdekat",
                "kestabilan harga bahan pokok",
                (APP, WEB, "papan harga di setiap pasar"),
            ),
        ),
        ("pengelola pasar", "pedagang", "lembaga perlindungan konsumen"),
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

# Short on purpose: in registry titles the long, telling word is the topic, not the qualifier;
# and general, since any of them may follow any topic (no "Sehat" after a vehicle tax).
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
    "Bersama Kader",
    "Jemput Antar",
    "Gotong Royong",
    "Tepat Waktu",
    "Pintar",
    "Cerdas",
    "Sigap",
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
