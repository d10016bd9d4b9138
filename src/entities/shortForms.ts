/**
 * Common Indonesian short forms and nicknames, mapped to the full name an entity is filed under,
 * so "Korut" and "Korea Utara", or "Jokowi" and "Joko Widodo", become one entity with one id.
 * Keys are written as they appear in text (case matters: "AS" is the country, "as" is not).
 */
import type { EntityType } from '../types';

export interface ShortForm {
  name: string;
  type: EntityType;
}

const table: [string, string, EntityType][] = [
  // Places
  ['Korut', 'Korea Utara', 'LOC'], ['Korsel', 'Korea Selatan', 'LOC'], ['AS', 'Amerika Serikat', 'LOC'],
  ['USA', 'Amerika Serikat', 'LOC'], ['Amerika', 'Amerika Serikat', 'LOC'], ['RI', 'Indonesia', 'LOC'],
  ['NKRI', 'Indonesia', 'LOC'], ['RRC', 'China', 'LOC'], ['RRT', 'China', 'LOC'], ['Tiongkok', 'China', 'LOC'],
  ['Cina', 'China', 'LOC'], ['UEA', 'Uni Emirat Arab', 'LOC'], ['Saudi', 'Arab Saudi', 'LOC'],
  ['Jaksel', 'Jakarta Selatan', 'LOC'], ['Jakpus', 'Jakarta Pusat', 'LOC'], ['Jakut', 'Jakarta Utara', 'LOC'],
  ['Jakbar', 'Jakarta Barat', 'LOC'], ['Jaktim', 'Jakarta Timur', 'LOC'], ['Jabar', 'Jawa Barat', 'LOC'],
  ['Jateng', 'Jawa Tengah', 'LOC'], ['Jatim', 'Jawa Timur', 'LOC'], ['DIY', 'Yogyakarta', 'LOC'],
  ['Jogja', 'Yogyakarta', 'LOC'], ['Yogya', 'Yogyakarta', 'LOC'], ['Sumut', 'Sumatera Utara', 'LOC'],
  ['Sumbar', 'Sumatera Barat', 'LOC'], ['Sumsel', 'Sumatera Selatan', 'LOC'], ['Kalbar', 'Kalimantan Barat', 'LOC'],
  ['Kalteng', 'Kalimantan Tengah', 'LOC'], ['Kaltim', 'Kalimantan Timur', 'LOC'], ['Kalsel', 'Kalimantan Selatan', 'LOC'],
  ['Kaltara', 'Kalimantan Utara', 'LOC'], ['Sulsel', 'Sulawesi Selatan', 'LOC'], ['Sulut', 'Sulawesi Utara', 'LOC'],
  ['Sulteng', 'Sulawesi Tengah', 'LOC'], ['Sultra', 'Sulawesi Tenggara', 'LOC'], ['Sulbar', 'Sulawesi Barat', 'LOC'],
  ['NTB', 'Nusa Tenggara Barat', 'LOC'], ['NTT', 'Nusa Tenggara Timur', 'LOC'], ['Babel', 'Kepulauan Bangka Belitung', 'LOC'],
  ['Kepri', 'Kepulauan Riau', 'LOC'], ['Jabodetabek', 'Jabodetabek', 'LOC'], ['DKI', 'DKI Jakarta', 'LOC'],
  ['Moskow', 'Moskow', 'LOC'], ['Moscow', 'Moskow', 'LOC'], ['Kyiv', 'Kiev', 'LOC'], ['Inggris Raya', 'Inggris', 'LOC'],
  // Organisations
  ['KPK', 'Komisi Pemberantasan Korupsi', 'ORG'], ['DPR', 'Dewan Perwakilan Rakyat', 'ORG'],
  ['DPD', 'Dewan Perwakilan Daerah', 'ORG'], ['MPR', 'Majelis Permusyawaratan Rakyat', 'ORG'],
  ['TNI', 'Tentara Nasional Indonesia', 'ORG'], ['Polri', 'Kepolisian Negara Republik Indonesia', 'ORG'],
  ['POLRI', 'Kepolisian Negara Republik Indonesia', 'ORG'], ['MK', 'Mahkamah Konstitusi', 'ORG'],
  ['MA', 'Mahkamah Agung', 'ORG'], ['KPU', 'Komisi Pemilihan Umum', 'ORG'], ['Bawaslu', 'Badan Pengawas Pemilu', 'ORG'],
  ['Kemenkeu', 'Kementerian Keuangan', 'ORG'], ['Kemenlu', 'Kementerian Luar Negeri', 'ORG'],
  ['Kemendagri', 'Kementerian Dalam Negeri', 'ORG'], ['Kemenkes', 'Kementerian Kesehatan', 'ORG'],
  ['Kemenhan', 'Kementerian Pertahanan', 'ORG'], ['Kemensos', 'Kementerian Sosial', 'ORG'],
  ['Kemendikbud', 'Kementerian Pendidikan dan Kebudayaan', 'ORG'], ['Kemenag', 'Kementerian Agama', 'ORG'],
  ['Kemenkumham', 'Kementerian Hukum dan HAM', 'ORG'], ['Kemenhub', 'Kementerian Perhubungan', 'ORG'],
  ['Kejagung', 'Kejaksaan Agung', 'ORG'], ['BI', 'Bank Indonesia', 'ORG'], ['OJK', 'Otoritas Jasa Keuangan', 'ORG'],
  ['BPS', 'Badan Pusat Statistik', 'ORG'], ['BNPB', 'Badan Nasional Penanggulangan Bencana', 'ORG'],
  ['BMKG', 'Badan Meteorologi, Klimatologi, dan Geofisika', 'ORG'], ['BIN', 'Badan Intelijen Negara', 'ORG'],
  ['BNN', 'Badan Narkotika Nasional', 'ORG'], ['BEI', 'Bursa Efek Indonesia', 'ORG'],
  ['PBB', 'Perserikatan Bangsa-Bangsa', 'ORG'], ['WHO', 'Organisasi Kesehatan Dunia', 'ORG'],
  ['IMF', 'Dana Moneter Internasional', 'ORG'], ['UE', 'Uni Eropa', 'ORG'], ['NU', 'Nahdlatul Ulama', 'ORG'],
  ['PBNU', 'Pengurus Besar Nahdlatul Ulama', 'ORG'], ['MUI', 'Majelis Ulama Indonesia', 'ORG'],
  ['PDIP', 'PDI Perjuangan', 'ORG'], ['PDI-P', 'PDI Perjuangan', 'ORG'], ['PKS', 'Partai Keadilan Sejahtera', 'ORG'],
  ['PAN', 'Partai Amanat Nasional', 'ORG'], ['PKB', 'Partai Kebangkitan Bangsa', 'ORG'],
  ['PPP', 'Partai Persatuan Pembangunan', 'ORG'], ['PSI', 'Partai Solidaritas Indonesia', 'ORG'],
  ['KCNA', 'Korean Central News Agency', 'ORG'], ['AFP', 'Agence France-Presse', 'ORG'], ['AP', 'Associated Press', 'ORG'],
  // People (nicknames used alone in headlines and copy)
  ['Jokowi', 'Joko Widodo', 'PER'], ['SBY', 'Susilo Bambang Yudhoyono', 'PER'], ['Ahok', 'Basuki Tjahaja Purnama', 'PER'],
  ['JK', 'Jusuf Kalla', 'PER'], ['Gus Dur', 'Abdurrahman Wahid', 'PER'], ['Megawati', 'Megawati Soekarnoputri', 'PER'],
['Prabowo', 'Prabowo Subianto', 'PER'], ['Gibran', 'Gibran Rakabuming Raka', 'PER'],
  ['Anies', 'Anies Baswedan', 'PER'], ['Ganjar', 'Ganjar Pranowo', 'PER'], ['Kang Emil', 'Ridwan Kamil', 'PER'],
['Habibie', 'BJ Habibie', 'PER'], ['Soeharto', 'Soeharto', 'PER'],
  ['Sukarno', 'Soekarno', 'PER'], ['Bung Karno', 'Soekarno', 'PER'], ['Ical', 'Aburizal Bakrie', 'PER'],
  ['Kim Jong-un', 'Kim Jong Un', 'PER'], ['Kim Jong-Un', 'Kim Jong Un', 'PER'],
];

export const SHORT_FORMS: ReadonlyMap<string, ShortForm> = new Map(table.map(([k, name, type]) => [k, { name, type }]));

/** Full name for a written form, if it is a known short form or nickname. */
export function expandShortForm(text: string): ShortForm | undefined {
  return SHORT_FORMS.get(text);
}
