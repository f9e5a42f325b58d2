<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Tentang JIPP Desktop</source>
        <translation>About JIPP Desktop</translation>
    </message>
    <message>
        <source>&lt;b&gt;JIPP Desktop %1&lt;/b&gt; — Jaringan Inovasi Pelayanan Publik</source>
        <translation>&lt;b&gt;JIPP Desktop %1&lt;/b&gt; — Public Service Innovation Network</translation>
    </message>
    <message>
        <source>Versi</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Basis data</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Versi skema</source>
        <translation>Schema version</translation>
    </message>
    <message>
        <source>Buka folder log</source>
        <translation>Open log folder</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Data dan huruf yang disertakan, dengan lisensinya:</source>
        <translation>Data and fonts included, with their licences:</translation>
    </message>
</context>
<context>
    <name>AgenciesPage</name>
    <message>
        <source>Instansi</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>Hub JIPP</source>
        <translation>JIPP hubs</translation>
    </message>
</context>
<context>
    <name>AgencyEditor</name>
    <message>
        <source>Cari nama instansi…</source>
        <translation>Search agency name…</translation>
    </message>
    <message>
        <source>Semua jenis</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Wilayah</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Data instansi</source>
        <translation>Agency details</translation>
    </message>
    <message>
        <source>Nama *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>Jenis *</source>
        <translation>Kind *</translation>
    </message>
    <message>
        <source>Instansi induk</source>
        <translation>Parent agency</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Baru</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Instansi ini telah diubah di tempat lain (mis. sinkronisasi). Perubahan Anda belum disimpan dan tidak ditimpa; simpan untuk memakainya, atau Muat ulang untuk membaca versi tersimpan.</source>
        <translation>This agency was changed elsewhere (e.g. by a sync). Your changes are not saved and were not overwritten; save to keep them, or Reload to read the stored version.</translation>
    </message>
    <message>
        <source>Instansi ini telah dihapus di tempat lain.</source>
        <translation>This agency was deleted elsewhere.</translation>
    </message>
    <message>
        <source>Diperbarui: instansi ini diubah di tempat lain.</source>
        <translation>Updated: this agency was changed elsewhere.</translation>
    </message>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Daftar tidak dapat dibaca: %1</source>
        <translation>The list could not be read: %1</translation>
    </message>
    <message>
        <source>%1 instansi</source>
        <translation>%1 agencies</translation>
    </message>
    <message>
        <source>Instansi baru</source>
        <translation>New agency</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Instansi tersimpan.</source>
        <translation>Agency saved.</translation>
    </message>
    <message>
        <source>Hapus instansi</source>
        <translation>Delete agency</translation>
    </message>
    <message>
        <source>Hapus instansi ini?</source>
        <translation>Delete this agency?</translation>
    </message>
    <message>
        <source>Instansi dihapus.</source>
        <translation>Agency deleted.</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>Simpan rekaman terlebih dahulu untuk menambah lampiran.</source>
        <translation>Save the record first to add attachments.</translation>
    </message>
    <message>
        <source>Tambah…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Tambah lampiran</source>
        <translation>Add attachment</translation>
    </message>
    <message>
        <source>Menyimpan lampiran…</source>
        <translation>Saving attachments…</translation>
    </message>
    <message>
        <source>Lampiran</source>
        <translation>Attachments</translation>
    </message>
</context>
<context>
    <name>AwardsEditor</name>
    <message>
        <source>Tahun</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Kompetisi</source>
        <translation>Competition</translation>
    </message>
    <message>
        <source>Tahap dicapai</source>
        <translation>Stage reached</translation>
    </message>
    <message>
        <source>Tambah baris</source>
        <translation>Add row</translation>
    </message>
    <message>
        <source>Hapus baris</source>
        <translation>Remove row</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>Belum ada data.
Buat inovasi baru, impor dari Excel,
atau sinkronkan dengan registri.</source>
        <translation>No data yet.
Create a new innovation, import from Excel,
or sync with the registry.</translation>
    </message>
</context>
<context>
    <name>ColumnModel</name>
    <message>
        <source>Kolom</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Judul kolom</source>
        <translation>Column heading</translation>
    </message>
    <message>
        <source>Diimpor ke</source>
        <translation>Imported into</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>menurut judul kolom</source>
        <translation>by its header</translation>
    </message>
    <message>
        <source>menurut isi kolom</source>
        <translation>by its values</translation>
    </message>
    <message>
        <source>diubah petugas</source>
        <translation>changed by the officer</translation>
    </message>
    <message>
        <source>judul tidak dikenali</source>
        <translation>header not recognised</translation>
    </message>
    <message>
        <source>kolom lain sudah mengisi bidang ini</source>
        <translation>another column already fills this field</translation>
    </message>
    <message>
        <source>(tidak diimpor)</source>
        <translation>(not imported)</translation>
    </message>
</context>
<context>
    <name>CommitmentEditor</name>
    <message>
        <source>Tambah butir</source>
        <translation>Add clause</translation>
    </message>
    <message>
        <source>Hapus butir</source>
        <translation>Remove clause</translation>
    </message>
    <message>
        <source>Naik</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Turun</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Tambah penanda tangan</source>
        <translation>Add signatory</translation>
    </message>
    <message>
        <source>Tambah saksi</source>
        <translation>Add witness</translation>
    </message>
    <message>
        <source>Hapus baris</source>
        <translation>Remove row</translation>
    </message>
    <message>
        <source>Isi instansi penanda tangan dahulu</source>
        <translation>Enter the signatories&apos; agencies first</translation>
    </message>
    <message>
        <source>Kosong: alamat instansi yang tersimpan di daftar instansi</source>
        <translation>Empty: the agency&apos;s address as stored in the agency list</translation>
    </message>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Judul</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Tempat</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Pembuka</source>
        <translation>Opening</translation>
    </message>
    <message>
        <source>Butir komitmen (berurutan)</source>
        <translation>Commitment clauses (in order)</translation>
    </message>
    <message>
        <source>Penanda tangan dan saksi</source>
        <translation>Signatories and witnesses</translation>
    </message>
    <message>
        <source>Kop surat</source>
        <translation>Letterhead</translation>
    </message>
    <message>
        <source>Alamat kop surat</source>
        <translation>Letterhead address</translation>
    </message>
    <message>
        <source>Butir komitmen baru</source>
        <translation>New commitment clause</translation>
    </message>
</context>
<context>
    <name>CommitmentsPage</name>
    <message>
        <source>Baru</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Buat dari acara hub…</source>
        <translation>Create from a hub event…</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cetak surat</source>
        <translation>Print letter</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Daftar tidak dapat dibaca: %1</source>
        <translation>The list could not be read: %1</translation>
    </message>
    <message>
        <source>%1 komitmen</source>
        <translation>%1 commitments</translation>
    </message>
    <message>
        <source>Komitmen baru: isi lalu simpan.</source>
        <translation>New commitment: fill it in, then save.</translation>
    </message>
    <message>
        <source>%1 baris penanda tangan disiapkan: isi nama, jabatan dan NIP, lalu simpan.</source>
        <translation>%1 signatory rows prepared: fill in name, position and NIP, then save.</translation>
    </message>
    <message>
        <source>Belum ada hub aktif.</source>
        <translation>There is no active hub yet.</translation>
    </message>
    <message>
        <source>Buat dari acara hub</source>
        <translation>Create from a hub event</translation>
    </message>
    <message>
        <source>Angkatan hub:</source>
        <translation>Hub cohort:</translation>
    </message>
    <message>
        <source>Periksa NIP yang ditandai.</source>
        <translation>Check the marked NIPs.</translation>
    </message>
    <message>
        <source>Periksa tanggal yang ditandai.</source>
        <translation>Check the date marked.</translation>
    </message>
    <message>
        <source>Komitmen tersimpan.</source>
        <translation>Commitment saved.</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Komitmen belum tersimpan: periksa isian yang ditandai.</source>
        <translation>Commitment not saved: check the marked fields.</translation>
    </message>
    <message>
        <source>Gagal: %1</source>
        <translation>Failed: %1</translation>
    </message>
    <message>
        <source>Hapus komitmen</source>
        <translation>Delete commitment</translation>
    </message>
    <message>
        <source>Hapus komitmen %1?</source>
        <translation>Delete commitment %1?</translation>
    </message>
    <message>
        <source>Komitmen dihapus.</source>
        <translation>Commitment deleted.</translation>
    </message>
    <message>
        <source>Surat komitmen %1</source>
        <translation>Commitment letter %1</translation>
    </message>
    <message>
        <source>Surat dibuat (%1 halaman), sidik isi %2.</source>
        <translation>Letter made (%1 pages), content fingerprint %2.</translation>
    </message>
    <message>
        <source>Komitmen ini telah diubah di tempat lain (mis. sinkronisasi). Perubahan Anda belum disimpan dan tidak ditimpa.</source>
        <translation>This commitment was changed elsewhere (e.g. by a sync). Your edits are not saved yet and were not overwritten.</translation>
    </message>
    <message>
        <source>Komitmen ini telah dihapus di tempat lain.</source>
        <translation>This commitment was deleted elsewhere.</translation>
    </message>
    <message>
        <source>Diperbarui: komitmen ini diubah di tempat lain.</source>
        <translation>Updated: this commitment was changed elsewhere.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Selesaikan konflik: %1</source>
        <translation>Resolve the conflict: %1</translation>
    </message>
    <message>
        <source>Isian di bawah diubah di komputer ini dan juga di registri, dengan nilai berbeda. Pilih nilai yang berlaku untuk setiap isian; pilihan Anda dikirim ke registri pada sinkronisasi berikutnya. Isian lain sudah digabung.</source>
        <translation>The fields below were changed on this computer and in the registry too, to different values. Choose the value that holds for each field; your choice goes to the registry at the next sync. The other fields are already merged.</translation>
    </message>
    <message>
        <source>Isian</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Versi dasar</source>
        <translation>Base version</translation>
    </message>
    <message>
        <source>Versi saya</source>
        <translation>My version</translation>
    </message>
    <message>
        <source>Versi registri</source>
        <translation>Registry version</translation>
    </message>
    <message>
        <source>Pakai</source>
        <translation>Use</translation>
    </message>
    <message>
        <source>Dihapus</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>— pilih —</source>
        <translation>— choose —</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>JIPP Desktop — kesalahan</source>
        <translation>JIPP Desktop — error</translation>
    </message>
    <message>
        <source>Terjadi kesalahan yang tidak terduga. Pekerjaan yang sedang Anda isi tetap terbuka dan masih dapat disimpan.</source>
        <translation>An unexpected error occurred. The work you were typing stays open and can still be saved.</translation>
    </message>
    <message>
        <source>Jika kesalahan ini berulang, klik “Salin detail” lalu kirimkan teksnya kepada pengelola aplikasi. Log: %1</source>
        <translation>If this error happens again, click “Copy details” and send the text to the app’s administrator. Log: %1</translation>
    </message>
    <message>
        <source>Salin detail</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>%1 kesalahan tidak terduga; yang pertama: %2</source>
        <translation>%1 unexpected errors; the first: %2</translation>
    </message>
    <message>
        <source>Detail disalin</source>
        <translation>Details copied</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Inovasi</source>
        <translation>Innovations</translation>
    </message>
    <message>
        <source>Terverifikasi</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>Menunggu verifikasi</source>
        <translation>Awaiting verification</translation>
    </message>
    <message>
        <source>Perlu verifikasi ulang (terverifikasi &gt; 12 bulan lalu)</source>
        <translation>Due for re-verification (verified &gt; 12 months ago)</translation>
    </message>
    <message>
        <source>Perubahan belum disinkronkan</source>
        <translation>Changes not yet synced</translation>
    </message>
    <message>
        <source>Inovasi per tahap</source>
        <translation>Innovations by phase</translation>
    </message>
    <message>
        <source>Progres verifikasi (status alur)</source>
        <translation>Verification progress (workflow status)</translation>
    </message>
    <message>
        <source>10 urusan terbanyak</source>
        <translation>Top 10 government affairs</translation>
    </message>
    <message>
        <source>10 provinsi terbanyak</source>
        <translation>Top 10 provinces</translation>
    </message>
    <message>
        <source>Menghitung…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>Gagal menghitung: %1</source>
        <translation>Counting failed: %1</translation>
    </message>
    <message>
        <source>Belum diisi</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>Nasional (K/L)</source>
        <translation>National (ministries/agencies)</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>hh/bb/tttt</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>Ketik misalnya 12/03/2025 atau 12 Maret 2025</source>
        <translation>Type e.g. 12/03/2025 or 12 March 2025</translation>
    </message>
    <message>
        <source>Pilih dari kalender</source>
        <translation>Choose from the calendar</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <source>ketik untuk mencari…</source>
        <translation>type to search…</translation>
    </message>
</context>
<context>
    <name>FieldErrors</name>
    <message>
        <source>Periksa isian yang ditandai merah.</source>
        <translation>Check the fields marked in red.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Cari judul, inovator, ringkasan… (Ctrl+F)</source>
        <translation>Search title, innovators, summary… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Semua provinsi</source>
        <translation>All provinces</translation>
    </message>
    <message>
        <source>Semua kab/kota</source>
        <translation>All regencies/cities</translation>
    </message>
    <message>
        <source>Semua instansi</source>
        <translation>All agencies</translation>
    </message>
    <message>
        <source>Semua urusan</source>
        <translation>All affairs</translation>
    </message>
    <message>
        <source>Semua tahap</source>
        <translation>All phases</translation>
    </message>
    <message>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Semua keberlanjutan</source>
        <translation>All continuation statuses</translation>
    </message>
    <message>
        <source>Semua tahun</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>Perlu verifikasi ulang (terverifikasi &gt; 12 bulan lalu)</source>
        <translation>Due for re-verification (verified &gt; 12 months ago)</translation>
    </message>
    <message>
        <source>Hapus filter</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>Cari:</source>
        <translation>Search:</translation>
    </message>
</context>
<context>
    <name>GuideViewer</name>
    <message>
        <source>Panduan pengguna</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>Panduan tidak dapat dibuka: %1</source>
        <translation>The guide cannot be opened: %1</translation>
    </message>
</context>
<context>
    <name>HistoryTable</name>
    <message>
        <source>dibuat</source>
        <translation>created</translation>
    </message>
    <message>
        <source>diubah</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>dihapus</source>
        <translation>deleted</translation>
    </message>
    <message>
        <source>diputuskan verifikator</source>
        <translation>decided by the verifier</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Perubahan</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>Sebelum</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>Sesudah</source>
        <translation>After</translation>
    </message>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Riwayat tidak dapat dibaca: %1</source>
        <translation>The history could not be read: %1</translation>
    </message>
</context>
<context>
    <name>HubEditor</name>
    <message>
        <source>Instansi</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>Tahun</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Angkatan</source>
        <translation>Cohort</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Dibina</source>
        <translation>Mentored</translation>
    </message>
    <message>
        <source>Tambah</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Lepas</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Penetapan hub</source>
        <translation>Hub designation</translation>
    </message>
    <message>
        <source>Instansi *</source>
        <translation>Agency *</translation>
    </message>
    <message>
        <source>Dasar penetapan *</source>
        <translation>Designating decree *</translation>
    </message>
    <message>
        <source>Tahun *</source>
        <translation>Year *</translation>
    </message>
    <message>
        <source>Instansi yang dibina</source>
        <translation>Mentored agencies</translation>
    </message>
    <message>
        <source>Baru</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Penetapan hub ini telah diubah di tempat lain (mis. sinkronisasi). Perubahan Anda belum disimpan dan tidak ditimpa; simpan untuk memakainya, atau Muat ulang untuk membaca versi tersimpan.</source>
        <translation>This hub designation was changed elsewhere (e.g. by a sync). Your changes are not saved and were not overwritten; save to keep them, or Reload to read the stored version.</translation>
    </message>
    <message>
        <source>Penetapan hub ini telah dihapus di tempat lain.</source>
        <translation>This hub designation was deleted elsewhere.</translation>
    </message>
    <message>
        <source>Diperbarui: penetapan hub ini diubah di tempat lain.</source>
        <translation>Updated: this hub designation was changed elsewhere.</translation>
    </message>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Daftar tidak dapat dibaca: %1</source>
        <translation>The list could not be read: %1</translation>
    </message>
    <message>
        <source>ya</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>tidak</source>
        <translation>no</translation>
    </message>
    <message>
        <source>%1 hub</source>
        <translation>%1 hubs</translation>
    </message>
    <message>
        <source>Penetapan hub baru</source>
        <translation>New hub designation</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Hub tersimpan.</source>
        <translation>Hub saved.</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Pratinjau impor</source>
        <translation>Import preview</translation>
    </message>
    <message>
        <source>Hasil pemeriksaan (belum disimpan)</source>
        <translation>Check results (nothing saved yet)</translation>
    </message>
    <message>
        <source>Jumlah baris</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>Baru</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Diperbarui</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Keputusan verifikasi</source>
        <translation>Verification decisions</translation>
    </message>
    <message>
        <source>Duplikat (dilewati)</source>
        <translation>Duplicates (skipped)</translation>
    </message>
    <message>
        <source>Tidak sah (ditolak)</source>
        <translation>Invalid (refused)</translation>
    </message>
    <message>
        <source>Baris yang sudah tersimpan (ID rekaman, atau instansi dan judul sama)</source>
        <translation>Rows already stored (same record ID, or same agency and title)</translation>
    </message>
    <message>
        <source>Lewati</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>Perbarui data yang tersimpan</source>
        <translation>Update the stored records</translation>
    </message>
    <message>
        <source>Masalah per baris</source>
        <translation>Problems by row</translation>
    </message>
    <message>
        <source>Kolom berkas</source>
        <translation>Columns of the file</translation>
    </message>
    <message>
        <source>Simpan daftar kesalahan…</source>
        <translation>Save the error list…</translation>
    </message>
    <message>
        <source>Impor</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Impor kolom terpilih ke:</source>
        <translation>Import the selected column into:</translation>
    </message>
    <message>
        <source>(tidak diimpor)</source>
        <translation>(not imported)</translation>
    </message>
    <message>
        <source>Berkas {file}, lembar “{sheet}”, judul kolom di baris {row}.</source>
        <translation>File {file}, sheet “{sheet}”, column headings on row {row}.</translation>
    </message>
    <message>
        <source>Kolom diabaikan (tidak dikenali): </source>
        <translation>Columns ignored (not recognised): </translation>
    </message>
</context>
<context>
    <name>InnovationForm</name>
    <message>
        <source>Data inovasi</source>
        <translation>Innovation data</translation>
    </message>
    <message>
        <source>Riwayat kompetisi</source>
        <translation>Competition history</translation>
    </message>
    <message>
        <source>Lampiran</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Riwayat perubahan</source>
        <translation>Change history</translation>
    </message>
    <message>
        <source>Simpan draf</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <source>Ajukan untuk verifikasi</source>
        <translation>Submit for verification</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Buang perubahan di formulir dan baca data tersimpan</source>
        <translation>Discard the form’s edits and read the stored record</translation>
    </message>
    <message>
        <source>** wajib diisi untuk menyimpan draf; * wajib diisi sebelum diajukan.</source>
        <translation>** required to save a draft; * required before submitting.</translation>
    </message>
    <message>
        <source>Inovasi baru</source>
        <translation>New innovation</translation>
    </message>
    <message>
        <source>Sinkron: %1</source>
        <translation>Sync: %1</translation>
    </message>
    <message>
        <source>Inovasi: %1</source>
        <translation>Innovation: %1</translation>
    </message>
    <message>
        <source>Rekaman ini telah diubah di tempat lain (mis. sinkronisasi) sejak dibuka. Perubahan Anda belum disimpan dan tidak ditimpa; simpan untuk memakainya, atau Muat ulang untuk membaca versi tersimpan.</source>
        <translation>This record was changed elsewhere (e.g. by a sync) since it was opened. Your edits are not saved yet and were not overwritten; save to keep them, or Reload to read the stored version.</translation>
    </message>
    <message>
        <source>Rekaman ini telah dihapus di tempat lain.</source>
        <translation>This record was deleted elsewhere.</translation>
    </message>
    <message>
        <source>Diperbarui: rekaman ini diubah di tempat lain.</source>
        <translation>Updated: this record was changed elsewhere.</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Status: %1 — sedang diverifikasi, tidak dapat diubah.</source>
        <translation>Status: %1 — under verification, cannot be edited.</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Diajukan untuk verifikasi.</source>
        <translation>Submitted for verification.</translation>
    </message>
    <message>
        <source>Draf tersimpan.</source>
        <translation>Draft saved.</translation>
    </message>
    <message>
        <source>Belum tersimpan: %1. Isian Anda tetap di formulir.</source>
        <translation>Not saved: %1. Your entries stay in the form.</translation>
    </message>
    <message>
        <source>Periksa %1 isian yang ditandai merah.</source>
        <translation>Check the %1 fields marked in red.</translation>
    </message>
    <message>
        <source>Menyimpan… formulir ditutup setelah tersimpan.</source>
        <translation>Saving… the form closes once it is saved.</translation>
    </message>
    <message>
        <source>Perubahan belum disimpan</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Simpan perubahan pada inovasi ini sebelum menutup?</source>
        <translation>Save the changes to this innovation before closing?</translation>
    </message>
</context>
<context>
    <name>InnovationLinkEditor</name>
    <message>
        <source>bukan replikasi</source>
        <translation>not a replication</translation>
    </message>
    <message>
        <source>Pilih…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Kosongkan</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>InnovationListModel</name>
    <message>
        <source>No. registrasi</source>
        <translation>Reg. no.</translation>
    </message>
    <message>
        <source>Judul inovasi</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Instansi</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>Wilayah</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Urusan</source>
        <translation>Affair</translation>
    </message>
    <message>
        <source>Tahap</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Status alur</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <source>Keberlanjutan</source>
        <translation>Continuation</translation>
    </message>
    <message>
        <source>Tahun</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Terakhir diverifikasi</source>
        <translation>Last verified</translation>
    </message>
    <message>
        <source>Diubah</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Sinkron</source>
        <translation>Sync</translation>
    </message>
</context>
<context>
    <name>InnovationPicker</name>
    <message>
        <source>Pilih inovasi</source>
        <translation>Choose an innovation</translation>
    </message>
    <message>
        <source>Ketik kata dari judul atau instansi…</source>
        <translation>Type words of the title or agency…</translation>
    </message>
    <message>
        <source>Mencari…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>Pencarian gagal: %1</source>
        <translation>The search failed: %1</translation>
    </message>
    <message>
        <source>Tidak ada inovasi yang cocok.</source>
        <translation>No matching innovation.</translation>
    </message>
</context>
<context>
    <name>InnovationsPage</name>
    <message>
        <source>Inovasi baru</source>
        <translation>New innovation</translation>
    </message>
    <message>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Ajukan untuk verifikasi</source>
        <translation>Submit for verification</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Impor dari Excel…</source>
        <translation>Import from Excel…</translation>
    </message>
    <message>
        <source>Ekspor ke Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>Templat impor…</source>
        <translation>Import template…</translation>
    </message>
    <message>
        <source>Ajukan inovasi yang dipilih untuk verifikasi</source>
        <translation>Submit the selected innovations for verification</translation>
    </message>
    <message>
        <source>Hanya operator atau admin yang dapat mengajukan inovasi.</source>
        <translation>Only an operator or an admin can submit innovations.</translation>
    </message>
    <message>
        <source>Belum ada inovasi di basis data ini.

Buat inovasi baru (Ctrl+N), impor dari Excel (Berkas › Impor dari Excel…; templatnya di Berkas › Templat impor…), atau ambil data dari registri di halaman Sinkronisasi.</source>
        <translation>There are no innovations in this database yet.

Create a new innovation (Ctrl+N), import from Excel (File › Import from Excel…; the template is under File › Import template…), or fetch the data from the registry on the Sync page.</translation>
    </message>
    <message>
        <source>Tidak ada inovasi yang cocok dengan pencarian dan filter ini.

Ubah pencarian, atau tekan “Hapus filter”.</source>
        <translation>No innovation matches this search and these filters.

Change the search, or press “Clear filters”.</translation>
    </message>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>%1 inovasi</source>
        <translation>%1 innovations</translation>
    </message>
    <message>
        <source>Daftar inovasi tidak dapat dibaca</source>
        <translation>The innovation list cannot be read</translation>
    </message>
    <message>
        <source>Tidak dapat diajukan</source>
        <translation>Cannot be submitted</translation>
    </message>
    <message>
        <source>%1 diajukan untuk verifikasi.</source>
        <translation>%1 submitted for verification.</translation>
    </message>
    <message>
        <source>Inovasi diajukan</source>
        <translation>Innovations submitted</translation>
    </message>
    <message>
        <source>%1 tidak dapat diajukan:</source>
        <translation>%1 could not be submitted:</translation>
    </message>
    <message>
        <source>… dan %1 lainnya.</source>
        <translation>… and %1 more.</translation>
    </message>
    <message>
        <source>Sebagian tidak diajukan</source>
        <translation>Some were not submitted</translation>
    </message>
    <message>
        <source>Hapus inovasi</source>
        <translation>Delete innovation</translation>
    </message>
    <message>
        <source>Hapus inovasi “%1”?</source>
        <translation>Delete innovation “%1”?</translation>
    </message>
    <message>
        <source>Tidak dapat dihapus</source>
        <translation>Cannot be deleted</translation>
    </message>
</context>
<context>
    <name>LetterheadSettings</name>
    <message>
        <source>Pilih logo…</source>
        <translation>Choose logo…</translation>
    </message>
    <message>
        <source>Hapus logo</source>
        <translation>Remove logo</translation>
    </message>
    <message>
        <source>Simpan kop surat</source>
        <translation>Save letterhead</translation>
    </message>
    <message>
        <source>Nama instansi</source>
        <translation>Agency name</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Logo (PNG/JPEG)</source>
        <translation>Logo (PNG/JPEG)</translation>
    </message>
    <message>
        <source>tanpa logo</source>
        <translation>no logo</translation>
    </message>
    <message>
        <source>Berkas tidak dapat dibaca: %1</source>
        <translation>The file cannot be read: %1</translation>
    </message>
    <message>
        <source>Pilih logo</source>
        <translation>Choose logo</translation>
    </message>
    <message>
        <source>Gambar (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Kop surat belum tersimpan.</source>
        <translation>The letterhead was not saved.</translation>
    </message>
    <message>
        <source>Kop surat tersimpan.</source>
        <translation>Letterhead saved.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Beranda</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Inovasi</source>
        <translation>Innovations</translation>
    </message>
    <message>
        <source>Verifikasi</source>
        <translation>Verification</translation>
    </message>
    <message>
        <source>Instansi &amp; Hub</source>
        <translation>Agencies &amp; Hubs</translation>
    </message>
    <message>
        <source>Komitmen</source>
        <translation>Commitments</translation>
    </message>
    <message>
        <source>Laporan</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Sinkronisasi</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Inovasi &amp;baru</source>
        <translation>&amp;New innovation</translation>
    </message>
    <message>
        <source>Impor dari Excel…</source>
        <translation>Import from Excel…</translation>
    </message>
    <message>
        <source>Ekspor ke Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>Templat impor…</source>
        <translation>Import template…</translation>
    </message>
    <message>
        <source>&amp;Cadangkan basis data…</source>
        <translation>&amp;Back up the database…</translation>
    </message>
    <message>
        <source>&amp;Pulihkan dari cadangan…</source>
        <translation>&amp;Restore from a backup…</translation>
    </message>
    <message>
        <source>Ganti petugas…</source>
        <translation>Switch officer…</translation>
    </message>
    <message>
        <source>&amp;Keluar</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Tampilan</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Cari inovasi</source>
        <translation>&amp;Find innovation</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Ba&amp;ntuan</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Panduan pengguna</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>Tentang JIPP Desktop</source>
        <translation>About JIPP Desktop</translation>
    </message>
    <message>
        <source>Bilah alat</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>Menyimpan perubahan… aplikasi ditutup setelah selesai.</source>
        <translation>Saving changes… the app closes when they are done.</translation>
    </message>
    <message>
        <source>Aplikasi tidak ditutup: ada perubahan yang tidak dapat disimpan.</source>
        <translation>The app was not closed: a change could not be saved.</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Cetak…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Simpan sebagai…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>%1 — %2 halaman</source>
        <translation>%1 — %2 pages</translation>
    </message>
    <message>
        <source>Simpan PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Berkas tidak dapat ditulis: %1</source>
        <translation>The file cannot be written: %1</translation>
    </message>
    <message>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Printer tidak dapat dipakai.</source>
        <translation>The printer cannot be used.</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ProblemModel</name>
    <message>
        <source>Baris</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Kolom</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Judul kolom</source>
        <translation>Column heading</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Masalah</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Tidak sah</source>
        <translation>Invalid</translation>
    </message>
    <message>
        <source>Duplikat dalam berkas</source>
        <translation>Duplicate within the file</translation>
    </message>
    <message>
        <source>Sudah tersimpan</source>
        <translation>Already stored</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Pilih profil petugas</source>
        <translation>Choose an officer profile</translation>
    </message>
    <message>
        <source>18 digit, boleh kosong</source>
        <translation>18 digits, may be blank</translation>
    </message>
    <message>
        <source>Profil baru</source>
        <translation>New profile</translation>
    </message>
    <message>
        <source>Nama *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <source>Peran *</source>
        <translation>Role *</translation>
    </message>
    <message>
        <source>Buat profil</source>
        <translation>Create profile</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Siapa yang bekerja di komputer ini?</source>
        <translation>Who is working at this computer?</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>diajukan ulang oleh %2</source>
        <translation>resubmitted by %2</translation>
    </message>
    <message>
        <source>diajukan oleh %2</source>
        <translation>submitted by %2</translation>
    </message>
    <message>
        <source>diajukan ulang %1 oleh %2</source>
        <translation>resubmitted %1 by %2</translation>
    </message>
    <message>
        <source>diajukan %1 oleh %2</source>
        <translation>submitted %1 by %2</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Memuat rekaman…</source>
        <translation>Loading the record…</translation>
    </message>
    <message>
        <source>Riwayat verifikasi</source>
        <translation>Verification history</translation>
    </message>
    <message>
        <source>Diubah sejak keputusan terakhir</source>
        <translation>Changed since the last decision</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Pilih tanggal</source>
        <translation>Choose dates</translation>
    </message>
    <message>
        <source>Sejak</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Sampai</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>Periode:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Hub:</source>
        <translation>Hub:</translation>
    </message>
    <message>
        <source>Belum dipilih</source>
        <translation>Not chosen yet</translation>
    </message>
    <message>
        <source>Pilih inovasi…</source>
        <translation>Choose innovation…</translation>
    </message>
    <message>
        <source>Cetak telepon dan surel narahubung</source>
        <translation>Print the contact&apos;s phone and e-mail</translation>
    </message>
    <message>
        <source>Buat laporan</source>
        <translation>Make report</translation>
    </message>
    <message>
        <source>Profil semua inovasi terfilter…</source>
        <translation>Profiles of all filtered innovations…</translation>
    </message>
    <message>
        <source>Pilih jenis laporan dan saringannya, lalu tekan “Buat laporan”: laporan tampil di sini untuk dicetak atau disimpan.

Basis data baru masih kosong: buat inovasi baru (Ctrl+N), impor dari Excel (Berkas › Impor dari Excel…), atau ambil data dari registri di halaman Sinkronisasi.</source>
        <translation>Choose the kind of report and its filters, then press “Make report”: the report shows here, to print or save.

A new database is still empty: create a new innovation (Ctrl+N), import from Excel (File › Import from Excel…), or fetch the data from the registry on the Sync page.</translation>
    </message>
    <message>
        <source>Laporan:</source>
        <translation>Report:</translation>
    </message>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Daftar hub tidak dapat dibaca: %1</source>
        <translation>The hub list could not be read: %1</translation>
    </message>
    <message>
        <source>Daftar hub masih dimuat; tunggu sebentar.</source>
        <translation>The hub list is still loading; wait a moment.</translation>
    </message>
    <message>
        <source>Pilih hub terlebih dahulu.</source>
        <translation>Choose a hub first.</translation>
    </message>
    <message>
        <source>Pilih inovasi terlebih dahulu.</source>
        <translation>Choose an innovation first.</translation>
    </message>
    <message>
        <source>%1 halaman.</source>
        <translation>%1 pages.</translation>
    </message>
    <message>
        <source>Membuat laporan…</source>
        <translation>Making the report…</translation>
    </message>
    <message>
        <source>Profil inovasi</source>
        <translation>Innovation profile</translation>
    </message>
    <message>
        <source>Cetak profil setiap inovasi yang sesuai filter ke:</source>
        <translation>Print the profile of every innovation the filter keeps to:</translation>
    </message>
    <message>
        <source>Satu berkas PDF</source>
        <translation>One PDF file</translation>
    </message>
    <message>
        <source>Satu berkas per inovasi (folder)</source>
        <translation>One file per innovation (folder)</translation>
    </message>
    <message>
        <source>Simpan PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Pilih folder</source>
        <translation>Choose folder</translation>
    </message>
    <message>
        <source>%1 profil inovasi, %2 halaman: %3</source>
        <translation>%1 innovation profiles, %2 pages: %3</translation>
    </message>
    <message>
        <source>Mencetak profil…</source>
        <translation>Printing profiles…</translation>
    </message>
    <message>
        <source>Dibatalkan; tidak ada berkas yang dibuat.</source>
        <translation>Cancelled; no file was made.</translation>
    </message>
    <message>
        <source>Berkas tidak dapat ditulis: %1</source>
        <translation>The file cannot be written: %1</translation>
    </message>
    <message>
        <source>Gagal: %1</source>
        <translation>Failed: %1</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Bahasa tampilan</source>
        <translation>Display language</translation>
    </message>
    <message>
        <source>Ganti petugas…</source>
        <translation>Switch officer…</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Basis data</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Folder lampiran</source>
        <translation>Attachments folder</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Bahasa</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Penyimpanan</source>
        <translation>Storage</translation>
    </message>
    <message>
        <source>Kop surat</source>
        <translation>Letterhead</translation>
    </message>
    <message>
        <source>Bahasa baru dipakai setelah JIPP Desktop dibuka ulang.</source>
        <translation>The new language applies after JIPP Desktop is restarted.</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Kata sandi akun registri belum diisi (halaman Sinkronisasi).</source>
        <translation>The registry account&apos;s password is not set (Sync page).</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Inovasi</source>
        <translation>Innovations</translation>
    </message>
    <message>
        <source>Verifikasi</source>
        <translation>Verifications</translation>
    </message>
    <message>
        <source>Instansi</source>
        <translation>Agencies</translation>
    </message>
    <message>
        <source>Hub</source>
        <translation>Hubs</translation>
    </message>
    <message>
        <source>Replikasi</source>
        <translation>Replications</translation>
    </message>
    <message>
        <source>Komitmen</source>
        <translation>Commitments</translation>
    </message>
    <message>
        <source>Lampiran</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Konflik</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Ditolak registri</source>
        <translation>Rejected by the registry</translation>
    </message>
    <message>
        <source>Dikarantina</source>
        <translation>Quarantined</translation>
    </message>
    <message>
        <source>Dicoba lagi</source>
        <translation>Being retried</translation>
    </message>
    <message>
        <source>Sinkronisasi dengan registri nasional (JIPPNas)</source>
        <translation>Sync with the national registry (JIPPNas)</translation>
    </message>
    <message>
        <source>Registri</source>
        <translation>Registry</translation>
    </message>
    <message>
        <source>tersimpan di keyring sistem</source>
        <translation>kept in the system keyring</translation>
    </message>
    <message>
        <source>sertifikat CA (kosong: milik sistem)</source>
        <translation>CA certificate (empty: the system&apos;s)</translation>
    </message>
    <message>
        <source>Pilih…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Sinkron otomatis (saat registri terjangkau, setelah perubahan, saat mulai)</source>
        <translation>Sync automatically (when the registry is reachable, after changes, at start)</translation>
    </message>
    <message>
        <source>Simpan pengaturan</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <source>Alamat registri</source>
        <translation>Registry address</translation>
    </message>
    <message>
        <source>Akun registri</source>
        <translation>Registry account</translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Sertifikat CA</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <source>Sinkronkan sekarang</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Antrean perubahan yang belum dikirim ke JIPPNas</source>
        <translation>Changes not yet sent to JIPPNas</translation>
    </message>
    <message>
        <source>Jenis data</source>
        <translation>Kind of data</translation>
    </message>
    <message>
        <source>Perubahan</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>Perlu perhatian</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Masalah</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Selesaikan konflik…</source>
        <translation>Resolve conflict…</translation>
    </message>
    <message>
        <source>Coba kirim lagi</source>
        <translation>Try sending again</translation>
    </message>
    <message>
        <source>Buang perubahan saya</source>
        <translation>Discard my change</translation>
    </message>
    <message>
        <source>Keyring sistem tidak tersedia: kata sandi tidak disimpan; isi lagi setiap kali aplikasi dibuka.</source>
        <translation>The system keyring is not available: the password is not stored; enter it again each time the app opens.</translation>
    </message>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Antrean tidak dapat dibaca: %1</source>
        <translation>The queue could not be read: %1</translation>
    </message>
    <message>
        <source>Diubah di sini dan di registri: %1</source>
        <translation>Changed here and in the registry: %1</translation>
    </message>
    <message>
        <source>Sertifikat CA registri</source>
        <translation>The registry&apos;s CA certificate</translation>
    </message>
    <message>
        <source>Sertifikat (*.pem *.crt)</source>
        <translation>Certificates (*.pem *.crt)</translation>
    </message>
    <message>
        <source>Alamat registri harus diawali https:// atau http://</source>
        <translation>The registry address must start with https:// or http://</translation>
    </message>
    <message>
        <source>Pengaturan registri disimpan.</source>
        <translation>Registry settings saved.</translation>
    </message>
    <message>
        <source>Isi alamat registri dan akun registri lebih dulu.</source>
        <translation>Fill in the registry address and account first.</translation>
    </message>
    <message>
        <source>Terkirim %1 perubahan, diterima %2 data, digabung %3; konflik %4, ditolak %5, dikarantina %6; masih menunggu %7.</source>
        <translation>Sent %1 changes, received %2 records, merged %3; conflicts %4, rejected %5, quarantined %6; still waiting %7.</translation>
    </message>
    <message>
        <source>Dibatalkan; yang sudah selesai tetap tersimpan.</source>
        <translation>Cancelled; what was done is kept.</translation>
    </message>
    <message>
        <source>Konflik diselesaikan; pilihan Anda dikirim pada sinkronisasi berikutnya.</source>
        <translation>Conflict resolved; your choice goes to the registry at the next sync.</translation>
    </message>
    <message>
        <source>Perubahan akan dikirim lagi pada sinkronisasi berikutnya.</source>
        <translation>The change will be sent again at the next sync.</translation>
    </message>
    <message>
        <source>Buang perubahan</source>
        <translation>Discard the change</translation>
    </message>
    <message>
        <source>Perubahan Anda pada “%1” dibuang dan data kembali ke versi registri. Lanjutkan?</source>
        <translation>Your change to “%1” is discarded and the record goes back to the registry&apos;s version. Continue?</translation>
    </message>
    <message>
        <source>Perubahan dibuang; data kembali ke versi registri.</source>
        <translation>Change discarded; the record is back at the registry&apos;s version.</translation>
    </message>
    <message>
        <source>Jumlah perubahan belum disinkronkan: %1</source>
        <translation>Changes not yet synced: %1</translation>
    </message>
    <message>
        <source>belum pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Sinkronisasi terakhir: %1</source>
        <translation>Last sync: %1</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Membuka basis data…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>● Daring</source>
        <translation>● Online</translation>
    </message>
    <message>
        <source>○ Luring</source>
        <translation>○ Offline</translation>
    </message>
    <message>
        <source>Terhubung ke internet</source>
        <translation>Connected to the internet</translation>
    </message>
    <message>
        <source>Tidak ada koneksi internet</source>
        <translation>No internet connection</translation>
    </message>
    <message>
        <source>Registri dapat dihubungi</source>
        <translation>The registry can be reached</translation>
    </message>
    <message>
        <source>Registri tidak dapat dihubungi</source>
        <translation>The registry cannot be reached</translation>
    </message>
    <message>
        <source>Sinkronisasi: %1…</source>
        <translation>Sync: %1…</translation>
    </message>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Belum disinkronkan: ?</source>
        <translation>Not yet synced: ?</translation>
    </message>
    <message>
        <source>Belum disinkronkan: %1</source>
        <translation>Not yet synced: %1</translation>
    </message>
    <message>
        <source>Masalah sinkronisasi: %1</source>
        <translation>Sync problems: %1</translation>
    </message>
    <message>
        <source>belum pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Sinkronisasi terakhir: %1</source>
        <translation>Last sync: %1</translation>
    </message>
</context>
<context>
    <name>VerificationPage</name>
    <message>
        <source>(menurut hasil)</source>
        <translation>(from the outcome)</translation>
    </message>
    <message>
        <source>Kemungkinan duplikat sudah saya periksa</source>
        <translation>I have checked the possible duplicates</translation>
    </message>
    <message>
        <source>Tambah bukti…</source>
        <translation>Add evidence…</translation>
    </message>
    <message>
        <source>Simpan keputusan (Ctrl+Enter)</source>
        <translation>Save decision (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Keputusan verifikasi</source>
        <translation>Verification decision</translation>
    </message>
    <message>
        <source>Hasil * (Alt+1…5)</source>
        <translation>Outcome * (Alt+1…5)</translation>
    </message>
    <message>
        <source>Metode * (Alt+Shift+1…3)</source>
        <translation>Method * (Alt+Shift+1…3)</translation>
    </message>
    <message>
        <source>Status keberlanjutan</source>
        <translation>Continuation status</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>pilih dari kemungkinan duplikat</source>
        <translation>choose from the possible duplicates</translation>
    </message>
    <message>
        <source>Cari…</source>
        <translation>Find…</translation>
    </message>
    <message>
        <source>Cari inovasi lain yang diduplikasi rekaman ini</source>
        <translation>Find the other innovation this record duplicates</translation>
    </message>
    <message>
        <source>Duplikat dari</source>
        <translation>Duplicate of</translation>
    </message>
    <message>
        <source>Bukti</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Cari judul atau instansi…</source>
        <translation>Search title or agency…</translation>
    </message>
    <message>
        <source>Semua provinsi</source>
        <translation>All provinces</translation>
    </message>
    <message>
        <source>Semua kab/kota</source>
        <translation>All regencies/cities</translation>
    </message>
    <message>
        <source>Semua instansi</source>
        <translation>All agencies</translation>
    </message>
    <message>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Semua pengaju</source>
        <translation>All submitters</translation>
    </message>
    <message>
        <source>Hanya verifikator atau admin yang dapat memverifikasi. Anda: %1.</source>
        <translation>Only a verifier or an admin can verify. You are: %1.</translation>
    </message>
    <message>
        <source>Antrean verifikasi: memuat…</source>
        <translation>Verification queue: loading…</translation>
    </message>
    <message>
        <source>Antrean tidak dapat dibaca: %1</source>
        <translation>The queue could not be read: %1</translation>
    </message>
    <message>
        <source>Antrean verifikasi: %1</source>
        <translation>Verification queue: %1</translation>
    </message>
    <message>
        <source>Antrean verifikasi: %1 dari %2</source>
        <translation>Verification queue: %1 of %2</translation>
    </message>
    <message>
        <source>Rekaman tidak dapat dibaca: %1</source>
        <translation>The record could not be read: %1</translation>
    </message>
    <message>
        <source>Kemungkinan duplikat: %1</source>
        <translation>Possible duplicates: %1</translation>
    </message>
    <message>
        <source>Bukti verifikasi</source>
        <translation>Verification evidence</translation>
    </message>
    <message>
        <source>Rekaman masih dimuat; tunggu sebentar.</source>
        <translation>The record is still loading; wait a moment.</translation>
    </message>
    <message>
        <source>Rekaman ini mempunyai kemungkinan duplikat. Periksa daftarnya, lalu centang “Kemungkinan duplikat sudah saya periksa”.</source>
        <translation>This record has possible duplicates. Check the list, then tick “I have checked the possible duplicates”.</translation>
    </message>
    <message>
        <source>Keputusan tersimpan.</source>
        <translation>Decision saved.</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Menyimpan keputusan…</source>
        <translation>Saving the decision…</translation>
    </message>
    <message>
        <source>Periksa isian yang ditandai merah.</source>
        <translation>Check the fields marked in red.</translation>
    </message>
</context>
<context>
    <name>excel</name>
    <message>
        <source>Impor dari Excel</source>
        <translation>Import from Excel</translation>
    </message>
    <message>
        <source>Lembar kerja (*.xlsx *.xls *.ods)</source>
        <translation>Spreadsheets (*.xlsx *.xls *.ods)</translation>
    </message>
    <message>
        <source>Memeriksa berkas…</source>
        <translation>Checking the file…</translation>
    </message>
    <message>
        <source>Berkas tidak dapat diimpor</source>
        <translation>The file cannot be imported</translation>
    </message>
    <message>
        <source>Mengimpor…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>Impor gagal; tidak ada yang disimpan</source>
        <translation>Import failed; nothing was saved</translation>
    </message>
    <message>
        <source>Impor selesai</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <source>{new} inovasi baru dan {updated} diperbarui telah disimpan.</source>
        <translation>{new} new and {updated} updated innovations were saved.</translation>
    </message>
    <message>
        <source>Simpan daftar kesalahan</source>
        <translation>Save the error list</translation>
    </message>
    <message>
        <source>Menyimpan daftar kesalahan…</source>
        <translation>Saving the error list…</translation>
    </message>
    <message>
        <source>Daftar kesalahan tersimpan</source>
        <translation>Error list saved</translation>
    </message>
    <message>
        <source>{n} baris yang ditolak disimpan di {path}.</source>
        <translation>{n} rejected rows saved to {path}.</translation>
    </message>
    <message>
        <source>Daftar kesalahan tidak dapat disimpan</source>
        <translation>The error list cannot be saved</translation>
    </message>
    <message>
        <source>Ekspor ke Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Mengekspor…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Ekspor selesai</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>{n} inovasi diekspor ke {path}.</source>
        <translation>{n} innovations exported to {path}.</translation>
    </message>
    <message>
        <source>Ekspor gagal</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>Simpan templat impor</source>
        <translation>Save the import template</translation>
    </message>
    <message>
        <source>Menyimpan templat…</source>
        <translation>Saving the template…</translation>
    </message>
    <message>
        <source>Templat tersimpan</source>
        <translation>Template saved</translation>
    </message>
    <message>
        <source>Templat impor disimpan di {path}.</source>
        <translation>Import template saved to {path}.</translation>
    </message>
    <message>
        <source>Templat tidak dapat disimpan</source>
        <translation>The template cannot be saved</translation>
    </message>
</context>
<context>
    <name>run_with_progress</name>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
