/**
 * Small closed word lists that carry Indonesian naming conventions. They feed the tagger as
 * features (so it generalises past the training names) and the merging step (title stripping).
 * All entries are lower-case.
 */

/** Words that introduce a person's name and are a role, not part of it ("Presiden Joko Widodo"). */
export const TITLE_WORDS = new Set([
  'presiden', 'wakil', 'wapres', 'menteri', 'menko', 'mendagri', 'menlu', 'menkeu', 'menhan', 'mensesneg',
  'gubernur', 'wagub', 'bupati', 'wabup', 'walikota', 'wali', 'camat', 'lurah', 'kades', 'sekda',
  'kapolri', 'kapolda', 'kapolres', 'kapolsek', 'wakapolri', 'kasat', 'kasatreskrim', 'kanit', 'kabid',
  'kabag', 'kasubdit', 'kadiv', 'kabareskrim', 'panglima', 'kasad', 'kasal', 'kasau', 'pangdam',
  'danrem', 'dandim', 'kajari', 'kajati', 'jaksa', 'hakim', 'ketua', 'wakil', 'sekretaris', 'sekjen',
  'bendahara', 'direktur', 'dirut', 'direktris', 'kepala', 'kadis', 'komisaris', 'pimpinan', 'pemimpin',
  'jenderal', 'jend', 'letjen', 'mayjen', 'brigjen', 'kolonel', 'letkol', 'mayor', 'kapten', 'irjen',
  'kombes', 'akbp', 'akp', 'iptu', 'ipda', 'aiptu', 'bripka', 'brigadir', 'pak', 'bu', 'bapak', 'ibu',
  'mas', 'mbak', 'bang', 'kak', 'om', 'tante', 'haji', 'hajah', 'h.', 'hj.', 'kh', 'kiai', 'kyai',
  'ustaz', 'ustad', 'ustadz', 'habib', 'syekh', 'raja', 'ratu', 'pangeran', 'putri', 'sultan', 'paus',
  'uskup', 'pendeta', 'romo', 'dr.', 'dr', 'prof.', 'prof', 'ir.', 'drs.', 'dra.', 'sdr.', 'tuan', 'nyonya',
  'pelatih', 'kapten', 'striker', 'gelandang', 'aktor', 'aktris', 'penyanyi', 'artis', 'selebritas',
  'pengacara', 'kuasa', 'juru', 'jubir', 'anggota', 'politikus', 'politisi', 'pengamat', 'ekonom',
  'perdana', 'pm', 'kanselir', 'senator', 'dubes', 'duta', 'ceo', 'founder', 'pendiri', 'mantan', 'eks',
  'almarhum', 'almarhumah', 'mendiang', 'kakak', 'adik', 'istri', 'suami', 'anak', 'putra', 'putri',
  'ayah', 'ibunda', 'ayahanda', 'rektor', 'dekan', 'dosen', 'guru', 'kiper', 'bek', 'pebulu', 'pebalap',
  'petenis', 'pegolf', 'petinju', 'atlet', 'sutradara', 'komedian', 'presenter', 'penulis',
  'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'sir', 'analis', 'penyidik', 'plh', 'plt', 'pj', 'serka', 'serda',
  'sertu', 'serma', 'kopda', 'praka', 'inf', 'pol', 'pol.', 'ny', 'ny.', 'nyonya', 'saudara', 'warga', 'tersangka',
  'terdakwa', 'korban', 'pelaku', 'kasatreskrim', 'kapolsek', 'danramil', 'kajari', 'kadishub', 'kadispar',
]);

/** Administrative words that head a place name and that names are filed without
 *  ("Kabupaten Minahasa Tenggara" -> "Minahasa Tenggara", "Desa Seuneubok Aceh" -> "Seuneubok Aceh"). */
export const ADMIN_WORDS = new Set([
  'desa', 'kelurahan', 'kecamatan', 'kabupaten', 'kota', 'provinsi', 'kampung', 'dusun', 'gampong', 'nagari',
]);

/** Capitalised phrases that are common nouns, not names ("di Tanah Air" = at home, in Indonesia). */
export const NOT_NAMES = new Set([
  'tanah air', 'ibu kota', 'ibukota', 'yang', 'lokasi', 'sumber', 'foto', 'baca', 'tuhan', 'allah',
  // Acronyms of common nouns, laws, indices and documents, not of named bodies.
  'ihsg', 'kuhp', 'kuhap', 'pns', 'asn', 'iup', 'bts', 'apbn', 'apbd', 'bbm', 'umkm', 'ukm', 'phk', 'ppkm', 'sim',
  'ktp', 'nik', 'npwp', 'ppn', 'pph', 'ott', 'pilkada', 'pemilu', 'pilpres', 'pileg', 'wib', 'wita', 'wit', 'rt',
  'rw', 'uu', 'perppu', 'perpres', 'permen', 'perda', 'sma', 'smp', 'sd', 'smk', 'tps', 'spbu', 'covid', 'covid-19',
  'hut', 'ham', 'lsm', 'ormas', 'paud', 'cpns', 'pppk', 'bpjs kesehatan', 'pdb', 'gdp', 'ceo', 'cfo', 'vip', 'pt', 'tbk',
]);

/** Forms of address: stripped from names like titles, but they say nothing of what a person does,
 *  so they are never a role ("Mr Bankman", "Pak Budi", "Nyonya Ani"). */
export const HONORIFICS = new Set([
  'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'sir', 'madam', 'pak', 'bu', 'bapak', 'ibu', 'tuan', 'nyonya', 'ny',
  'ny.', 'mas', 'mbak', 'bang', 'kak', 'om', 'tante', 'saudara', 'saudari', 'sdr', 'sdr.', 'sdri', 'sdri.', 'sang', 'yang mulia',
]);

/** Words that precede a name as an honorific but are not in TITLE_WORDS (which feeds the tagger). */
/** Police and military ranks: a name never ends with one ("Jakarta Selatan Kompol" is "Jakarta Selatan"). */
export const RANK_WORDS = new Set([
  'jenderal', 'jend', 'letjen', 'mayjen', 'brigjen', 'kolonel', 'letkol', 'mayor', 'kapten', 'irjen', 'kombes',
  'akbp', 'akp', 'iptu', 'ipda', 'aiptu', 'bripka', 'brigadir', 'kompol', 'komjen', 'bripda', 'briptu', 'brigpol',
  'aipda', 'bharada', 'bharatu', 'bharaka', 'laksamana', 'laksma', 'laksda', 'laksdya', 'marsekal', 'marsma',
  'marsda', 'marsdya', 'letda', 'lettu', 'pratu', 'prada', 'kopral', 'sersan', 'peltu', 'pelda', 'kopka',
  'serka', 'serda', 'sertu', 'serma', 'kopda', 'praka',
]);

export const EXTRA_TITLES = new Set([
  'nabi', 'president', 'sang', 'sdri', 'saudari', 'yang mulia',
  // Departments that head a name in copy ("Humas PT Angkasa Pura"), not part of it.
  'humas',
  // Police and military ranks the tagger's feature list lacks ("Kompol Widya Agustiono").
  'kompol', 'komjen', 'bripda', 'briptu', 'brigpol', 'aipda', 'bharada', 'bharatu', 'bharaka', 'wakapolda',
  'wakapolres', 'laksamana', 'laksma', 'laksda', 'laksdya', 'marsekal', 'marsma', 'marsda', 'marsdya', 'letda',
  'lettu', 'pratu', 'prada', 'kopral', 'sersan', 'peltu', 'pelda', 'kopka',
]);

/** Verbs and nouns after which a lower-case web address names a source ("dikutip zonajakarta.com"). */
export const SOURCE_CUES = new Set(['dikutip', 'dilansir', 'melansir', 'mengutip', 'laman', 'situs', 'kepada', 'dari', 'oleh', 'via', 'media']);

/** First words of organisation names ("Partai Golkar", "PT Pertamina", "Polres Lhokseumawe"). */
export const ORG_PREFIXES = new Set([
  'pt', 'pt.', 'cv', 'partai', 'kementerian', 'kemenkeu', 'kemenlu', 'kemendagri', 'kemenkes', 'badan',
  'komisi', 'dewan', 'majelis', 'mahkamah', 'pengadilan', 'kejaksaan', 'kejari', 'kejati', 'kejagung',
  'polres', 'polda', 'polsek', 'polresta', 'polrestabes', 'mabes', 'kodim', 'korem', 'kodam', 'dinas',
  'pemprov', 'pemkab', 'pemkot', 'pemerintah', 'universitas', 'institut', 'sekolah', 'akademi',
  'politeknik', 'bank', 'lembaga', 'yayasan', 'perusahaan', 'asosiasi', 'persatuan', 'ikatan',
  'himpunan', 'serikat', 'federasi', 'liga', 'klub', 'fc', 'persatuan', 'perhimpunan', 'organisasi',
  'kantor', 'biro', 'direktorat', 'departemen', 'fakultas', 'rumah', 'rs', 'rsud', 'puskesmas', 'stasiun',
  'perum', 'perumda', 'bumn', 'koperasi', 'grup', 'group', 'tim', 'satgas', 'kpu', 'kpud', 'bawaslu',
  'dprd', 'dpr', 'mpr', 'dpd', 'ormas', 'gerakan', 'front', 'forum', 'aliansi', 'koalisi', 'pengurus',
  'pusat', 'unit', 'divisi', 'detasemen', 'densus', 'brimob', 'satuan', 'markas', 'sekretariat',
]);

/** First words of place names ("Jalan Sudirman", "Kabupaten Bogor", "Gunung Rinjani"). */
export const LOC_PREFIXES = new Set([
  'jalan', 'jl.', 'jl', 'jln.', 'gang', 'desa', 'kelurahan', 'kecamatan', 'kabupaten', 'kota', 'provinsi',
  'pulau', 'kepulauan', 'gunung', 'sungai', 'danau', 'pantai', 'teluk', 'selat', 'laut', 'samudra',
  'samudera', 'bandara', 'bandar', 'pelabuhan', 'terminal', 'kampung', 'dusun', 'kawasan', 'wilayah',
  'daerah', 'gedung', 'istana', 'masjid', 'gereja', 'pura', 'candi', 'lapangan', 'stadion', 'taman',
  'hotel', 'pasar', 'mal', 'mall', 'tol', 'simpang', 'bundaran', 'tanjung', 'lembah', 'hutan', 'tugu',
  'monumen', 'benteng', 'museum', 'alun-alun', 'kompleks', 'perumahan', 'rt', 'rw', 'blok', 'negara',
]);

/** Lower-case nouns that say what the capitalised word after them names, when the tagger took a
 *  lone word for a person: places ("kawasan elit Albany", "area X") and makes or brands ("limusin
 *  Aurus", "merek X"). Not tagger features (those are the lists above); used after tagging. */
export const PLACE_NOUNS = new Set([...LOC_PREFIXES, 'area', 'distrik', 'kota', 'negeri', 'provinsi', 'region', 'county', 'kondominium', 'apartemen', 'resor']);
export const PRODUCT_NOUNS = new Set([
  'mobil', 'limusin', 'sedan', 'truk', 'motor', 'sepeda', 'merek', 'merk', 'brand', 'produk', 'produsen', 'pabrikan',
  'ponsel', 'smartphone', 'laptop', 'aplikasi', 'platform', 'maskapai', 'pesawat', 'jet', 'kapal', 'senapan', 'rudal',
  // Companies and bodies ("bursa kripto X", "perusahaan rintisan X").
  'perusahaan', 'bursa', 'startup', 'klub', 'harian', 'koran', 'majalah', 'grup', 'konglomerasi',
]);
/** Lower-case words that, between such a noun and a name, tie the name to it otherwise ("mobil milik
 *  Budi", "perusahaan yang dipimpin Budi"): then the noun does not describe the name. */
export const NOT_DESCRIBING = new Set([
  'milik', 'punya', 'oleh', 'dari', 'kepada', 'untuk', 'bagi', 'bersama', 'dengan', 'pimpinan', 'karya', 'buatan',
  'yang', 'dan', 'atau', 'serta', 'kata', 'ujar', 'ucap', 'tutur', 'menurut', 'seperti', 'bos', 'pemilik',
]);

/** Words after which a capitalised word is likely a place ("di Bandung", "ke Rusia"). */
export const PLACE_PREPOSITIONS = new Set([
  'di', 'ke', 'dari', 'menuju', 'asal', 'sekitar', 'kawasan', 'wilayah', 'daerah', 'kota', 'provinsi',
  'negara', 'negeri', 'tiba', 'berangkat', 'pulang', 'in', 'at', 'from', 'to',
]);

/** Capitalised words that are never entities by themselves: days, months, sentence openers. */
export const CALENDAR_WORDS = new Set([
  'senin', 'selasa', 'rabu', 'kamis', 'jumat', "jum'at", 'sabtu', 'minggu', 'ahad',
  'januari', 'februari', 'maret', 'april', 'mei', 'juni', 'juli', 'agustus', 'september', 'oktober',
  'november', 'desember', 'wib', 'wita', 'wit',
]);

/** Verbs of saying that follow a speaker's name: "kata Anis", "ujar Yasir". */
export const SPEECH_VERBS = new Set([
  'kata', 'ujar', 'ucap', 'tutur', 'jelas', 'ungkap', 'tegas', 'imbuh', 'sebut', 'papar', 'terang',
  'katanya', 'ujarnya', 'tuturnya', 'jelasnya', 'ungkapnya', 'tegasnya', 'imbuhnya', 'menurut', 'kepada',
  'oleh', 'bersama', 'dan', 'said', 'says',
]);
