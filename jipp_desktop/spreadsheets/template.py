"""The import template: a data sheet with bilingual headers, dropdowns for every coded field
(long lists such as the 552 regions on a hidden sheet, referenced by range), date and number
formats, a frozen header, and an instructions sheet in Indonesian with an example row. After
the fields come the verification columns (outcome, method, notes) a verifier fills for stored
records in a validation round."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select
from sqlalchemy.orm import Session

from jipp_desktop.db.models import Agency, Region
from jipp_desktop.outputs import atomic_output, check_output
from jipp_desktop.spreadsheets import styles
from jipp_desktop.spreadsheets.cells import put, shown_as_sent
from jipp_desktop.spreadsheets.columns import (
    AWARDS_COLUMN,
    FIELD_COLUMNS,
    METHOD,
    NOTES,
    OUTCOME,
    VERIFICATION_COLUMNS,
    YES_NO,
    Column,
    region_text,
    template_columns,
)

DATA_SHEET = "Data"
HELP_SHEET = "Petunjuk"
LISTS_SHEET = "daftar"
FORMATTED_ROWS = 2000

# What each kind of field accepts, for the instructions sheet.
ACCEPTS = {
    "text": "teks",
    "longtext": "teks panjang",
    "int": "bilangan bulat (tahun: 4 digit, mis. 2021)",
    "date": "tanggal: 20/10/2023, 2023-10-20 atau 20 Oktober 2023",
    "bool": "Ya atau Tidak (juga Digital / Non digital)",
    "sdgs": "nomor tujuan SDGs 1-17, dipisah koma (mis. 3, 11)",
    "codelist": "satu atau beberapa pilihan dari daftar urusan di bawah, dipisah titik koma",
    "region": "kode atau nama wilayah: 51.71, Kota Denpasar, Kab. Badung",
    "agency": "nama instansi (pilih dari daftar), mis. Pemerintah Kota Denpasar",
    "innovation": "ID atau nomor registrasi inovasi asal",
    "url": "tautan http:// atau https://",
    "email": "alamat surel",
    "phone": "nomor telepon, mis. +62 800 0000 1234",
}

EXAMPLE: dict[str, Any] = {
    "registration_number": "",
    "title": "Layanan Akta Kelahiran Langsung dari Rumah Sakit",
    "agency_id": "Pemerintah Kota Denpasar",
    "unit_name": "Dinas Kependudukan dan Pencatatan Sipil",
    "region_code": "51.71 Kota Denpasar",
    "innovators": "Tim Disdukcapil Kota Denpasar",
    "year_started": 2021,
    "trial_date": date(2021, 3, 1),
    "launch_date": date(2021, 7, 1),
    "form": "Pelayanan publik",
    "is_digital": "Ya",
    "initiator": "OPD / instansi",
    "initiator_name": "Contoh Nama Inisiator, S.Kom.",
    "sector": "Administrasi kependudukan dan pencatatan sipil",
    "secondary_sectors": "Kesehatan; Sosial",
    "sdg_goals": "16",
    "phase": "Pengembangan",
    "stage": "Penerapan",
    "summary": "Orang tua menerima akta kelahiran bayi sebelum pulang dari rumah sakit.",
    "continuation": "Berlanjut",
    "contact_name": "Narahubung Contoh",
    "contact_phone": "+62 800 0000 1234",
    "contact_email": "narahubung@contoh.example",
}

INTRO = (
    "Templat impor data inovasi pelayanan publik (JIPP Desktop).",
    "Isi satu inovasi per baris pada lembar 'Data', mulai baris 2. Jangan mengubah baris judul "
    "kolom; urutan kolom boleh diubah dan kolom yang tidak dipakai boleh dihapus, kecuali "
    "kolom wajib (bertanda *): Judul inovasi dan Instansi.",
    "Kolom berpilihan (tahap, status, urusan, wilayah, dan lain-lain) mempunyai daftar "
    "tarik-turun; label dalam bahasa Inggris juga diterima.",
    "Tanggal boleh berupa tanggal Excel atau teks seperti 20/10/2023 atau 20 Oktober 2023. "
    "Sel kosong atau berisi '-' dianggap tidak diisi.",
    "Sebelum menyimpan, JIPP Desktop memeriksa setiap baris dengan aturan yang sama dengan "
    "formulir dan menampilkan jumlah baris baru, duplikat dan tidak sah. Baris yang ditolak "
    "dapat disimpan sebagai berkas kesalahan: sel yang salah diberi warna dan komentar.",
    "Duplikat: inovasi dengan instansi dan judul yang sama (huruf besar/kecil dan tanda baca "
    "diabaikan). Petugas memilih untuk melewati atau memperbarui data yang sudah ada; sel "
    "kosong tidak menghapus isian yang sudah tersimpan.",
    "Kolom hijau di paling kanan (Hasil verifikasi, Metode verifikasi, Catatan verifikasi) "
    "hanya diisi oleh verifikator atau admin pada putaran validasi dan pemutakhiran data; "
    "operator mengosongkannya. Baris yang hasilnya diisi adalah keputusan verifikasi untuk "
    "inovasi yang sudah tersimpan (dicocokkan dengan ID sistem, atau instansi dan judul) dan "
    "sedang menunggu verifikasi. Saat impor keputusan dicatat dengan aturan yang sama dengan "
    "formulir verifikasi: metode wajib dipilih; catatan wajib untuk hasil Valid - berhenti, "
    "Perlu perbaikan dan Ditolak; verifikator tidak boleh memverifikasi inovasi yang ia "
    "masukkan atau ajukan sendiri. Hasil Duplikat dicatat melalui formulir verifikasi, bukan "
    "dari lembar kerja. Baris dengan keputusan yang ditolak tidak diimpor sama sekali; "
    "isian inovasi pada baris keputusan tidak mengubah data yang tersimpan.",
)
AWARDS_HELP = (
    "tahun, kompetisi dan tahap yang dicapai, mis. 2019 Kompetisi Inovasi Pelayanan Publik "
    "(KIPP): Top 99; juga seperti daftar registri: Top 99/2019, Innovative Government Award "
    "2022; beberapa dipisah titik koma (hanya untuk inovasi baru)"
)
# The verification columns on the instructions sheet: (required, what is accepted).
DECISION_HELP = {
    OUTCOME: (
        "",
        "verifikator/admin saja; pilih: {choices} (Duplikat hanya melalui formulir verifikasi)",
    ),
    METHOD: ("bila hasil diisi", "pilih: {choices}"),
    NOTES: (
        "bila hasil Valid - berhenti, Perlu perbaikan atau Ditolak",
        "teks, paling sedikit 5 karakter; untuk Valid - berhenti menjadi alasan berhenti",
    ),
}


def _lists(session: Session) -> dict[str, list[str]]:
    lists: dict[str, list[str]] = {}
    for col in FIELD_COLUMNS:
        spec = col.spec
        assert spec is not None
        if spec.kind == "code" and spec.codes is not None:
            lists[col.key] = [c.id for c in spec.codes]
        elif spec.kind == "bool":
            lists[col.key] = list(YES_NO["id"])
    for col in VERIFICATION_COLUMNS:
        if col.codes is not None:
            # A duplicate needs the record it duplicates, which only the form can name.
            lists[col.key] = [c.id for c in col.codes if c.code != "duplicate"]
    lists["region_code"] = [
        region_text(code, name) or code
        for code, name in session.execute(select(Region.code, Region.name).order_by(Region.code))
    ]
    lists["agency_id"] = list(
        session.scalars(
            select(Agency.name).where(Agency.deleted_at.is_(None)).order_by(Agency.name)
        )
    )
    return lists


def _write_lists(ws: Worksheet, lists: dict[str, list[str]]) -> dict[str, str]:
    """Writes each list in a column of the hidden sheet; returns key → range formula."""
    refs: dict[str, str] = {}
    for i, (key, values) in enumerate(lists.items(), 1):
        letter = get_column_letter(i)
        put(ws, 1, i, key)
        for row, value in enumerate(values, 2):
            # A name kept from before texts were cleaned at entry must not break the file.
            put(ws, row, i, shown_as_sent(value))
        last = max(len(values) + 1, 2)
        refs[key] = f"{quote_sheetname(ws.title)}!${letter}$2:${letter}${last}"
    ws.sheet_state = "hidden"
    return refs


def _style_header(ws: Worksheet, columns: Sequence[Column]) -> None:
    for i, col in enumerate(columns, 1):
        cell = put(ws, 1, i, col.header("both"))
        cell.font = styles.HEADER_FONT
        required = col.spec is not None and col.spec.draft
        cell.fill = styles.REQUIRED_FILL if required else styles.HEADER_FILL
        if col in VERIFICATION_COLUMNS:
            cell.fill = styles.VERIFY_FILL
        cell.alignment = styles.HEADER_ALIGN
        cell.border = styles.HEADER_BORDER
        ws.column_dimensions[get_column_letter(i)].width = col.width
    ws.row_dimensions[1].height = 62
    ws.freeze_panes = "C2"


def _validations(ws: Worksheet, refs: dict[str, str]) -> None:
    last = FORMATTED_ROWS + 1
    for i, col in enumerate(template_columns(), 1):
        spec = col.spec
        letter = get_column_letter(i)
        area = f"{letter}2:{letter}{last}"
        dv: DataValidation | None = None
        if col.key in refs:
            dv = DataValidation(type="list", formula1=f"={refs[col.key]}", allow_blank=True)
            dv.error = f"Pilih {col.id} dari daftar (teks lain diperiksa saat impor)."
        elif spec is None:
            continue
        elif spec.kind == "date":
            dv = DataValidation(
                type="date", operator="greaterThanOrEqual", formula1="DATE(1945,1,1)"
            )
            dv.error = "Isi tanggal, mis. 20/10/2023."
        elif spec.kind == "int":
            dv = DataValidation(type="whole", operator="between", formula1="1945", formula2="2100")
            dv.error = "Isi tahun empat digit, mis. 2021."
        if dv is None:
            continue
        dv.errorStyle = "warning"
        dv.errorTitle = col.id
        dv.showErrorMessage = True
        ws.add_data_validation(dv)
        dv.add(area)
        number_format = {"date": styles.DATE_FORMAT, "int": "0"}.get(spec.kind) if spec else None
        if number_format:
            for row in range(2, last + 1):
                ws.cell(row, i).number_format = number_format


def _height(text: str, width: int) -> float:
    """A row height (points) that shows ``text`` wrapped in a column ``width`` characters wide."""
    lines = sum(max(1, -(-len(part) // max(width - 2, 1))) for part in text.split("\n"))
    return 15.0 * lines


def _instructions(ws: Worksheet, lists: dict[str, list[str]]) -> None:
    widths = {"A": 48, "B": 15, "C": 62, "D": 50}
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width
    put(ws, 1, 1, "Petunjuk pengisian").font = styles.TITLE_FONT
    row = 3
    for text in INTRO:
        put(ws, row, 1, text)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        ws.cell(row, 1).alignment = styles.WRAP_LEFT
        ws.row_dimensions[row].height = _height(text, sum(widths.values()))
        row += 1
    row += 1
    for i, title in enumerate(("Kolom", "Wajib", "Isian yang diterima", "Contoh"), 1):
        cell = put(ws, row, i, title)
        cell.font, cell.fill = styles.HEADER_FONT, styles.HEADER_FILL
    long_lists: list[tuple[str, str]] = []
    for col in FIELD_COLUMNS:
        spec = col.spec
        assert spec is not None
        row += 1
        need = "ya" if spec.draft else ("saat diajukan" if spec.submit else "")
        choices = lists.get(col.key, [])
        if col.key in ("region_code", "agency_id") or not choices:
            accepts = ACCEPTS.get(spec.kind, "teks")
        elif len(choices) <= 8:
            accepts = "pilih: " + "; ".join(choices)
        else:
            accepts = f"pilih dari daftar ({len(choices)} pilihan, lihat di bawah)"
            long_lists.append((col.key, spec.id))
        if spec.max_len:
            accepts += f" (paling banyak {spec.max_len} karakter)"
        if spec.max_words:
            accepts += f" (paling banyak {spec.max_words} kata)"
        example = EXAMPLE.get(col.key, "")
        for column, value in enumerate((f"{spec.id} ({spec.en})", need, accepts, example), 1):
            cell = put(ws, row, column, value)
            cell.alignment = styles.WRAP_LEFT
            if isinstance(value, date):
                cell.number_format = styles.DATE_FORMAT
        ws.row_dimensions[row].height = max(
            _height(accepts, widths["C"]), _height(str(example), widths["D"])
        )
    row += 1
    awards = AWARDS_COLUMN
    for column, value in enumerate((f"{awards.id} ({awards.en})", "", AWARDS_HELP, ""), 1):
        put(ws, row, column, value).alignment = styles.WRAP_LEFT
    ws.row_dimensions[row].height = _height(AWARDS_HELP, widths["C"])
    for col in VERIFICATION_COLUMNS:
        row += 1
        need, accepts = DECISION_HELP[col.key]
        accepts = accepts.replace("{choices}", "; ".join(lists.get(col.key, [])))
        for column, value in enumerate((f"{col.id} ({col.en})", need, accepts, ""), 1):
            put(ws, row, column, value).alignment = styles.WRAP_LEFT
        ws.row_dimensions[row].height = max(
            _height(accepts, widths["C"]), _height(need, widths["B"])
        )
    for key, title in long_lists:
        row += 2
        put(ws, row, 1, f"Pilihan {title}").font = styles.SECTION_FONT
        spec = next(c.spec for c in FIELD_COLUMNS if c.key == key)
        assert spec is not None and spec.codes is not None
        for code in spec.codes:
            row += 1
            put(ws, row, 1, code.id)
            put(ws, row, 3, code.en)
    row += 2
    put(ws, row, 1, "Contoh baris (salin ke lembar 'Data')").font = styles.SECTION_FONT
    row += 1
    for i, col in enumerate(FIELD_COLUMNS, 1):
        head = put(ws, row, i, col.header("id"))
        head.font, head.fill = styles.HEADER_FONT, styles.HEADER_FILL
        value = put(ws, row + 1, i, EXAMPLE.get(col.key))
        if isinstance(value.value, date):
            value.number_format = styles.DATE_FORMAT
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0


def write_template(session: Session, path: Path | str) -> Path:
    """Writes the import template to ``path`` (lists of regions and agencies from the store)."""
    path = check_output(path)
    wb = Workbook()
    data = wb.active
    assert data is not None
    data.title = DATA_SHEET
    help_ws = wb.create_sheet(HELP_SHEET)
    lists_ws = wb.create_sheet(LISTS_SHEET)
    lists = _lists(session)
    refs = _write_lists(lists_ws, lists)
    _style_header(data, template_columns())
    _validations(data, refs)
    _instructions(help_ws, lists)
    wb.active = 0
    with atomic_output(path) as partial:
        wb.save(partial)
    return path
