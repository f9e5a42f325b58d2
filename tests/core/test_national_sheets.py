"""Sheets as the national systems write them import as they are: the registry's innovation
list (JIPPNas, pages/[role]/list-inovasi), the regional innovation index's export (IID,
InovasiExport.php), LAN's region codes without dots, CSV from any office tool; every national
spelling of the code lists; agencies the store lacks created by an admin in the import."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from jipp_desktop.db.models import Agency, Award, Innovation, OutboxChange
from jipp_desktop.domain.errors import PermissionDenied
from jipp_desktop.domain.fields import FIELDS_BY_NAME
from jipp_desktop.reference.seed import reference_id
from jipp_desktop.spreadsheets.importer import import_spreadsheet
from jipp_desktop.spreadsheets.values import parse_cell

from .spreadsheet_files import write_xlsx

JIPPNAS = [
    "No",
    "Tahun",
    "No Registrasi",
    "Judul Inovasi",
    "Jenis Inovasi",
    "Institusi",
    "UPP",
    "Wilayah",
    "SDGs",
    "Penghargaan",
    "Tahun Implementasi",
    "Nama Inovator",
    "Nama Pemangku",
    "Video",
    "Jumlah Replikasi",
    "Alasan Keberlanjutan",
    "Keberlanjutan",
    "Status",
    "Last Update",
    "Aksi",
]
JIPPNAS_ROWS = [
    [
        1,
        2019,
        "JIPP-2019-000101",
        "SIPENAS (Sistem Pelayanan Narapidana Terpadu)",
        "Digital",
        "Kemenkumham",
        "Lapas Kelas I Surabaya",
        "Jawa Timur",
        "SDG 16",
        "Top 99/2019",
        2017,
        "Dr. Budi Santoso, S.H., M.H.",
        "Pengadilan Negeri Surabaya",
        "-",
        3,
        "Masih dipakai setiap hari",
        "Ya",
        "Lengkap",
        "2023-12-01",
        "",
    ],
    [
        2,
        2022,
        "JIPP-2022-000202",
        "LAPAK ASIK (Layanan Pertanahan Akhir Pekan)",
        "Non Digital",
        "Kementerian Agraria dan Tata Ruang/BPN",
        "Kantor Pertanahan Kota Denpasar",
        "Bali",
        "Industri, Inovasi dan Infrastruktur",
        "Innovative Government Award 2022",
        2020,
        "Ni Made Sari, S.T.",
        "",
        "https://www.youtube.com/watch?v=contoh",
        0,
        "Berhenti karena anggaran",
        "Tidak",
        "Belum Lengkap",
        "2024-01-15",
        "",
    ],
    [
        3,
        2023,
        "JIPP-2023-000303",
        "SI-CEPAT (Sistem Informasi Cepat Tanggap Bencana)",
        "Sistem Informasi",
        "Badan Nasional Penanggulangan Bencana",
        "Pusdatin",
        "DKI Jakarta",
        "SDG 11; SDG 13",
        "",
        2021,
        "Rudi Hartono",
        "BPBD DKI Jakarta",
        "",
        1,
        "",
        "Ya",
        "Lengkap",
        "2024-02-01",
        "",
    ],
]

IID = [
    "Nama Pemda",
    "Nama Inovasi",
    "Dibuat Oleh",
    "Tahapan Inovasi",
    "Inisiator",
    "Nama Inisiator",
    "Jenis Inovasi",
    "Bentuk Inovasi Daerah",
    "Tematik",
    "Urusan Utama",
    "Urusan Irisan",
    "Waktu Uji Coba Inovasi Daerah",
    "Waktu Penerapan",
    "Rancang Bangun",
    "Tujuan",
    "Manfaat",
    "Hasil",
]
IID_ROWS = [
    [
        "Kota Surabaya",
        "E-PEKEN (Pemberdayaan dan Ketahanan Ekonomi Nang Suroboyo)",
        "Dinas Koperasi dan Usaha Mikro",
        "penerapan",
        "Kepala Daerah",
        "Eri Cahyadi",
        "Digital",
        "Inovasi Pelayanan Publik",
        "Penanggulangan Kemiskinan",
        "Koperasi, Usaha Kecil, dan Menengah",
        "Perdagangan; Koperasi, Usaha Kecil dan Menengah",
        "15/03/2021",
        "2021-08-17",
        "Pasar daring bagi pelaku UMKM binaan.",
        "Memperluas pasar UMKM.",
        "Omzet UMKM naik.",
        "1.200 UMKM berjualan.",
    ],
    [
        "Kabupaten Banyuwangi",
        "SMART KAMPUNG (Sistem Layanan Terpadu Desa)",
        "Dinas Kependudukan dan Pencatatan Sipil",
        "uji coba",
        "OPD",
        "Ir. Sugeng, M.Si.",
        "Non Digital",
        "Inovasi Tata Kelola Pemerintahan Daerah ",
        "Non Tematik",
        "Administrasi Kependudukan dan Pencatatan Sipil",
        "Kesehatan, Sosial",
        "1 Februari 2022",
        "",
        "Layanan adminduk di kantor desa.",
        "Mendekatkan layanan.",
        "",
        "Warga tidak ke kota.",
    ],
    [
        "Pemprov DIY",
        "JOGJA PLAN (Perencanaan Partisipatif Warga)",
        "Bappeda",
        "inisiatif",
        "ASN",
        "Sri Rahayu, S.E.",
        "Digital",
        "Inovasi Daerah Lainnya sesuai dengan Urusan Pemerintah yang menjadi kewenangan Daerah",
        "Digitalisasi Layanan Pemerintahan",
        "Perencanaan",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
    ],
]


def stored(db, **where: Any) -> dict[str, Innovation]:
    with db.session() as s:
        rows = s.scalars(select(Innovation)).all()
        for r in rows:
            s.expunge(r)
        return {r.title.split(" (")[0]: r for r in rows}


def columns(report) -> dict[str, tuple[str, str]]:
    return {c.header: (c.key, c.how) for c in report.columns}


def test_the_registrys_innovation_list_imports_as_it_is(db, operator, tmp_path):
    path = write_xlsx(tmp_path / "list-inovasi.xlsx", JIPPNAS_ROWS, JIPPNAS)

    report = import_spreadsheet(db, operator, path)

    assert (report.new, report.invalid) == (3, 0), [p.describe() for p in report.problems]
    used = columns(report)
    assert used["Jenis Inovasi"] == ("is_digital", "values")
    assert used["Tahun Implementasi"][0] == "year_started"
    assert used["Tahun"] == ("", "repeated")  # the better-named column keeps the field
    assert used["Keberlanjutan"] == ("continuation", "values")
    assert used["Status"] == ("", "values")  # "Lengkap" is about the record, not the innovation
    assert used["Penghargaan"] == ("awards", "name")
    got = stored(db)
    sipenas = got["SIPENAS"]
    assert sipenas.agency_id == reference_id("agency", "Kementerian Hukum dan Hak Asasi Manusia")
    assert (sipenas.is_digital, sipenas.year_started, sipenas.continuation) == (
        True,
        2017,
        "continuing",
    )
    assert (sipenas.region_code, sipenas.sdg_goals) == ("35", [16])
    assert sipenas.stakeholders == "Pengadilan Negeri Surabaya"
    assert sipenas.continuation_reason == "Masih dipakai setiap hari"
    lapak = got["LAPAK ASIK"]
    assert (lapak.is_digital, lapak.continuation, lapak.sdg_goals) == (False, "stopped", [9])
    cepat = got["SI-CEPAT"]
    assert (cepat.is_digital, cepat.region_code, cepat.sdg_goals) == (True, "31", [11, 13])
    with db.session() as s:
        awards = {
            (a.innovation_id, a.year, a.competition, a.stage_reached)
            for a in s.scalars(select(Award))
        }
    assert awards == {
        (sipenas.id, 2019, "Kompetisi Inovasi Pelayanan Publik (KIPP)", "Top 99"),
        (lapak.id, 2022, "Innovative Government Award", "Penerima"),
    }


def test_the_regional_innovation_index_export_imports_as_it_is(db, operator, tmp_path):
    path = write_xlsx(tmp_path / "InovasiExport.xlsx", IID_ROWS, IID)

    report = import_spreadsheet(db, operator, path)

    assert (report.new, report.invalid) == (3, 0), [p.describe() for p in report.problems]
    used = columns(report)
    assert used["Tahapan Inovasi"] == ("stage", "values")
    assert used["Jenis Inovasi"] == ("is_digital", "values")
    assert used["Hasil"] == ("impact", "values")  # a narrative, not a verification outcome
    got = stored(db)
    peken = got["E-PEKEN"]
    assert peken.agency_id == reference_id("agency", "Pemerintah Kota Surabaya")
    assert (peken.stage, peken.initiator, peken.form, peken.reform_theme, peken.sector) == (
        "implementation",
        "regional_head",
        "public_service",
        "poverty",
        "cooperatives",
    )
    assert (peken.trial_date, peken.launch_date) == (date(2021, 3, 15), date(2021, 8, 17))
    assert peken.unit_name == "Dinas Koperasi dan Usaha Mikro"
    assert peken.implementation == "Pasar daring bagi pelaku UMKM binaan."
    assert peken.background == "Memperluas pasar UMKM."
    assert peken.impact == "Manfaat: Omzet UMKM naik.\n\nHasil: 1.200 UMKM berjualan."
    # The fields the store once lacked: the initiator's name and the secondary affairs.
    assert used["Nama Inisiator"] == ("initiator_name", "name")
    assert used["Urusan Irisan"] == ("secondary_sectors", "name")
    assert (peken.initiator_name, peken.secondary_sectors) == (
        "Eri Cahyadi",
        ["cooperatives", "trade"],
    )
    kampung = got["SMART KAMPUNG"]
    assert (kampung.stage, kampung.initiator, kampung.form, kampung.is_digital) == (
        "trial",
        "agency",
        "governance",
        False,
    )
    assert (kampung.sector, kampung.impact) == ("civil_registration", "Warga tidak ke kota.")
    assert (kampung.initiator_name, kampung.secondary_sectors) == (
        "Ir. Sugeng, M.Si.",
        ["health", "social"],
    )
    plan = got["JOGJA PLAN"]
    assert plan.secondary_sectors == []
    assert plan.agency_id == reference_id(
        "agency", "Pemerintah Provinsi Daerah Istimewa Yogyakarta"
    )
    assert (plan.form, plan.reform_theme, plan.sector, plan.stage) == (
        "other",
        "digital_government",
        "planning",
        "initiative",
    )


def test_the_officer_may_move_a_column_before_the_commit(db, operator, tmp_path):
    path = write_xlsx(tmp_path / "iid.xlsx", IID_ROWS, IID)
    hasil = IID.index("Hasil")

    report = import_spreadsheet(db, operator, path, mapping={hasil: "sustainability"})

    assert columns(report)["Hasil"] == ("sustainability", "officer")
    peken = stored(db)["E-PEKEN"]
    assert (peken.impact, peken.sustainability) == ("Omzet UMKM naik.", "1.200 UMKM berjualan.")


@pytest.mark.parametrize(
    ("field", "text", "code"),
    [
        ("form", "Inovasi Pelayanan Publik", "public_service"),
        ("form", "Inovasi Tata Kelola Pemerintahan Daerah", "governance"),
        ("initiator", "Perangkat Daerah", "agency"),
        ("initiator", "Anggota DPRD", "dprd"),
        ("reform_theme", "Digitalisasi Layanan Pemerintahan", "digital_government"),
        ("reform_theme", "Kemudahan Investasi", "investment"),
        ("sector", "Persandian", "encryption"),
        ("sector", "Transmigrasi", "transmigration"),
        ("sector", "Perencanaan", "planning"),
        ("sector", "Kepegawaian", "personnel"),
        ("sector", "Pendidikan dan Pelatihan", "training"),
        ("sector", "Penelitian dan Pengembangan", "research"),
        ("sector", "Perumahan Rakyat dan Kawasan Pemukiman", "housing"),
        ("stage", "Ujicoba", "trial"),
        ("stage", "uji_coba", "trial"),
        ("continuation", "Ya", "continuing"),
        ("continuation", "Tidak", "stopped"),
        ("legal_basis_kind", "Peraturan Bupati", "perkada"),
        ("legal_basis_kind", "SK Bupati", "sk_kepala_daerah"),
        ("legal_basis_kind", "SK Kepala Perangkat Daerah", "sk_kepala_opd"),
    ],
)
def test_every_national_spelling_of_the_code_lists(field, text, code):
    assert parse_cell(FIELDS_BY_NAME[field], text) == (code, None)


@pytest.mark.parametrize(
    ("text", "goals"),
    [
        ("SDG 9", [9]),
        ("SDGs 3, 4", [3, 4]),
        ("Tanpa Kemiskinan", [1]),
        ("Industri, Inovasi dan Infrastruktur; Kesetaraan Gender", [5, 9]),
        ("Quality Education", [4]),
    ],
)
def test_sdg_goals_by_number_or_name(text, goals):
    assert parse_cell(FIELDS_BY_NAME["sdg_goals"], text) == (goals, None)


def test_replication_statuses_of_the_registry():
    from jipp_desktop.reference.codes import REPLICATION_STATUS

    spelled = ("menunggu", "disetujui", "implemen", "tolak")
    assert [REPLICATION_STATUS.parse(t) for t in spelled] == [
        "waiting",
        "agreed",
        "implemented",
        "refused",
    ]


CSV_HEAD = "Judul Inovasi{s}Institusi{s}Wilayah{s}Tahun Implementasi{s}Jenis Inovasi\n"
CSV_ROWS = (
    "“KIOS DUKCAPIL” (Kios Layanan Adminduk Mandiri){s}Pemkot Denpasar{s}5171{s}2022{s}Digital\n"
    "SAPA WARGA (Sistem Aduan dan Pelayanan Warga){s}Pemprov Jatim{s}35{s}2021{s}Non Digital\n"
)


@pytest.mark.parametrize(
    ("encoding", "separator"),
    [("utf-8", ","), ("utf-8-sig", ";"), ("cp1252", ";"), ("utf-16", "\t"), ("utf-8", ";")],
    ids=["utf8-comma", "utf8-bom-semicolon", "windows1252", "utf16-tab", "utf8-semicolon"],
)
def test_csv_in_every_encoding_and_separator(db, operator, tmp_path, encoding, separator):
    text = (CSV_HEAD + CSV_ROWS).replace("{s}", separator)
    if separator == ",":
        text = text.replace("“KIOS DUKCAPIL” (Kios", '"“KIOS DUKCAPIL” (Kios').replace(
            "Mandiri),", 'Mandiri)",'
        )
    path = tmp_path / "daftar.csv"
    path.write_bytes(text.encode(encoding))

    report = import_spreadsheet(db, operator, path)

    assert (report.format, report.new, report.invalid) == ("csv", 2, 0), [
        p.describe() for p in report.problems
    ]
    got = stored(db)
    kios = got["“KIOS DUKCAPIL”"]
    assert (kios.region_code, kios.year_started, kios.is_digital) == ("51.71", 2022, True)
    assert got["SAPA WARGA"].agency_id == reference_id("agency", "Pemerintah Provinsi Jawa Timur")


def test_csv_keeps_the_limits_and_formula_texts_stay_texts(db, operator, tmp_path):
    from jipp_desktop.spreadsheets.source import ImportLimits, SpreadsheetError

    path = tmp_path / "rumus.csv"
    path.write_text('Judul Inovasi;Instansi\n=HYPERLINK("http://x");Pemkot Denpasar\n')
    report = import_spreadsheet(db, operator, path)
    assert report.new == 1
    assert next(iter(stored(db))) == '=HYPERLINK("http://x")'
    many = tmp_path / "banyak.csv"
    many.write_text(
        "Judul Inovasi;Instansi\n" + "".join(f"T{i};Pemkot Denpasar\n" for i in range(30))
    )
    with pytest.raises(SpreadsheetError, match="terlalu banyak baris"):
        import_spreadsheet(db, operator, many, limits=ImportLimits(max_rows=10))
    binary = tmp_path / "biner.csv"
    binary.write_bytes(b"Judul;Instansi\n\x00\x01\x02;x\n")
    with pytest.raises(SpreadsheetError):
        import_spreadsheet(db, operator, binary)


NEW_AGENCIES = [
    ("PAWANG (Patroli Warga Aman Gotong Royong)", "Polres Malang"),
    ("BRILink Desa (Layanan Keuangan Desa)", "PT Bank Rakyat Indonesia (Persero) Tbk"),
    ("SIDESA (Sistem Informasi Desa)", "Desa Sukamaju Kabupaten Bogor"),
    ("UB Mengabdi (Layanan Hukum Kampus)", "Universitas Brawijaya"),
]


def agency_file(tmp_path: Path) -> Path:
    rows = [[title, agency, 2023] for title, agency in NEW_AGENCIES]
    return write_xlsx(tmp_path / "baru.xlsx", rows, ["Judul Inovasi", "Institusi", "Tahun"])


def test_an_operator_is_told_what_to_ask_for(db, operator, tmp_path):
    report = import_spreadsheet(db, operator, agency_file(tmp_path))

    assert (report.new, report.invalid) == (0, 4)
    polres = report.problems[0].message("id")
    assert "Polres Malang" in polres and "minta admin" in polres
    assert "wilayah Kabupaten Malang" in polres and "Kepolisian Negara" in polres
    with pytest.raises(PermissionDenied):
        import_spreadsheet(db, operator, agency_file(tmp_path), create_agencies=True)


def test_an_admin_creates_the_missing_agencies_in_the_imports_transaction(db, admin, tmp_path):
    path = agency_file(tmp_path)
    dry = import_spreadsheet(db, admin, path, dry_run=True, create_agencies=True)
    assert (dry.new, dry.invalid, len(dry.created_agencies)) == (4, 0, 4)
    with db.session() as s:
        assert s.scalar(select(Agency).where(Agency.name == "Polres Malang")) is None

    report = import_spreadsheet(db, admin, path, create_agencies=True)

    assert (report.new, report.invalid, report.committed) == (4, 0, True)
    with db.session() as s:
        made = {a.name: a for a in s.scalars(select(Agency).where(Agency.is_demo.is_(False)))}
        polres = made["Polres Malang"]
        assert (polres.kind, polres.region_code) == ("agency", "35.07")
        assert polres.parent_id == reference_id("agency", "Kepolisian Negara Republik Indonesia")
        assert made["PT Bank Rakyat Indonesia (Persero) Tbk"].kind == "soe"
        village = made["Desa Sukamaju Kabupaten Bogor"]
        assert (village.kind, village.region_code) == ("village", "32.01")
        assert made["Universitas Brawijaya"].kind == "university"
        queued = set(s.scalars(select(OutboxChange.entity)))
        assert {"agency", "innovation"} <= queued  # both sync, like every write
