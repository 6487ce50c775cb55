/* trang.js - the page of "vanban serve": the list of documents, the
 * editor (header fields as a form written back into the front matter,
 * the body in a textarea with a toolbar), check's messages, the live
 * preview and saving. Plain JavaScript, no library; every text shown is
 * Vietnamese. */
'use strict';

const csrf = document.querySelector('meta[name=csrf]').content;
const $ = (id) => document.getElementById(id);

/* Document types (src/model/doctype.c). */
const TYPES = [
  ['cong-van', 'Công văn'], ['ke-hoach', 'Kế hoạch'], ['bao-cao', 'Báo cáo'],
  ['to-trinh', 'Tờ trình'], ['quyet-dinh', 'Quyết định'], ['thong-bao', 'Thông báo'],
  ['nghi-quyet', 'Nghị quyết'], ['chi-thi', 'Chỉ thị'], ['quy-che', 'Quy chế'],
  ['quy-dinh', 'Quy định'], ['thong-cao', 'Thông cáo'], ['huong-dan', 'Hướng dẫn'],
  ['chuong-trinh', 'Chương trình'], ['phuong-an', 'Phương án'], ['de-an', 'Đề án'],
  ['du-an', 'Dự án'], ['bien-ban', 'Biên bản'], ['hop-dong', 'Hợp đồng'],
  ['cong-dien', 'Công điện'], ['ban-ghi-nho', 'Bản ghi nhớ'],
  ['ban-thoa-thuan', 'Bản thỏa thuận'], ['giay-uy-quyen', 'Giấy ủy quyền'],
  ['giay-moi', 'Giấy mời'], ['giay-gioi-thieu', 'Giấy giới thiệu'],
  ['giay-nghi-phep', 'Giấy nghỉ phép'], ['phieu-gui', 'Phiếu gửi'],
  ['phieu-chuyen', 'Phiếu chuyển'], ['phieu-bao', 'Phiếu báo'],
];
const typeName = (slug) => (TYPES.find((t) => t[0] === slug) || [slug, slug])[1];

/* Header fields: front matter key (ky.x: under ky), label, kind. */
const FIELDS = [
  ['loai', 'Loại văn bản', 'type'],
  ['co_quan_chu_quan', 'Cơ quan chủ quản', 'text'],
  ['co_quan', 'Cơ quan ban hành', 'text'],
  ['viet_tat', 'Viết tắt tên cơ quan', 'text'],
  ['so', 'Số', 'text'],
  ['dia_danh', 'Địa danh', 'text'],
  ['ngay', 'Ngày (năm-tháng-ngày)', 'text'],
  ['trich_yeu', 'Trích yếu', 'text'],
  ['kinh_gui', 'Kính gửi (mỗi dòng một nơi)', 'list'],
  ['can_cu', 'Căn cứ (mỗi dòng một căn cứ)', 'list'],
  ['ky.quyen_han', 'Thẩm quyền ký (KT, TM, TL, TUQ)', 'text'],
  ['ky.thu_truong', 'Chức vụ người đứng đầu', 'text'],
  ['ky.chuc_vu', 'Chức vụ người ký', 'text'],
  ['ky.ho_ten', 'Họ tên người ký', 'text'],
  ['noi_nhan', 'Nơi nhận (mỗi dòng một nơi)', 'list'],
  ['luu', 'Lưu (mỗi dòng một mục)', 'list'],
];

/* The open document. */
const doc = {
  name: '',         /* file name */
  version: '',      /* version loaded or last saved (server's hash) */
  pre: '',          /* "---\n" opening the front matter, or "" */
  fm: [],           /* front matter lines */
  mid: '',          /* "---\n" closing it */
  saved: '',        /* text as last saved */
  recoverSent: '',  /* text of the last recovery copy */
};

let busy = 0;               /* previews in flight */
let again = false;          /* the text changed while one was in flight */
let pages = [];             /* [{h, img}] shown in the preview */
let messages = [];          /* check's last messages */
let askedScale = 0;         /* pixels per point of the last preview asked for */

function status(msg) { $('trang-thai').textContent = msg; }

/* Sends a request; returns the Response. POSTs carry the CSRF token. */
async function call(method, url, body, opts) {
  const init = Object.assign({ method, headers: {}, credentials: 'same-origin' }, opts || {});
  if (method === 'POST') {
    init.headers['X-Vanban-CSRF'] = csrf;
    init.body = body === undefined ? '' : body;
  }
  return fetch(url, init);
}

/* Returns the JSON of a response, or throws its Vietnamese message. */
async function json(resp) {
  let data = null;
  try { data = await resp.json(); } catch (e) { data = null; }
  if (!resp.ok) throw new Error((data && data.loi) || ('Lỗi máy chủ ' + resp.status));
  return data;
}

const q = (s) => encodeURIComponent(s);

/* ---------- the list ---------- */

async function showList() {
  $('soan').hidden = true;
  $('danh-sach').hidden = false;
  document.title = 'vanban — văn bản';
  let data;
  try { data = await json(await call('GET', '/api/danh-sach')); } catch (e) { status(e.message); return; }
  $('thu-muc').textContent = data.thu_muc;
  const body = $('bang-van-ban').tBodies[0];
  body.textContent = '';
  for (const d of data.van_ban) {
    const tr = document.createElement('tr');
    tr.tabIndex = 0;
    for (const v of [typeName(d.loai), d.so, d.trich_yeu, d.sua, d.ten + (d.khoi_phuc ? ' (có bản khôi phục)' : '')]) {
      const td = document.createElement('td');
      td.textContent = v;
      tr.appendChild(td);
    }
    tr.addEventListener('click', () => openDoc(d.ten));
    tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') openDoc(d.ten); });
    body.appendChild(tr);
  }
  $('trong').hidden = data.van_ban.length > 0;
}

function setupList() {
  const sel = $('moi-loai');
  for (const [slug, name] of TYPES) sel.add(new Option(name, slug));
  sel.value = 'ke-hoach';
  $('nut-moi').addEventListener('click', () => { $('form-moi').hidden = false; $('moi-loai').focus(); });
  $('moi-huy').addEventListener('click', () => { $('form-moi').hidden = true; });
  $('form-moi').addEventListener('submit', async (e) => {
    e.preventDefault();
    let name = $('moi-ten').value.trim();
    if (!/\.md$/i.test(name)) name += '.md';
    try {
      await json(await call('POST', '/api/moi?loai=' + q(sel.value) + '&ten=' + q(name)));
      $('form-moi').hidden = true;
      openDoc(name);
    } catch (err) { status(err.message); }
  });
  setupImport();
}

/* The dialog bringing in last year's document through "vanban import". */
function setupImport() {
  const year = new Date().getFullYear();
  $('nhap-nam').value = year;
  $('nut-nhap').addEventListener('click', () => { $('form-nhap').hidden = false; $('chon-docx').focus(); });
  $('nhap-huy').addEventListener('click', () => { $('form-nhap').hidden = true; });
  $('nhap-nam-moi').addEventListener('change', (e) => { $('nhap-nam').disabled = !e.target.checked; });
  $('chon-docx').addEventListener('change', (e) => {
    const f = e.target.files[0];
    if (!f) return;
    /* "ke-hoach-2024.docx" -> "ke-hoach-2025.md" for this year's draft. */
    let base = f.name.replace(/\.[^.]*$/, '');
    if ($('nhap-nam-moi').checked) base = base.replace(/(^|[^0-9])(19|20)[0-9]{2}(?![0-9])/g, '$1' + $('nhap-nam').value);
    $('nhap-ten').value = base + '.md';
  });
  $('form-nhap').addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = $('chon-docx').files[0];
    if (!f) { status('Chọn tệp cần nhập.'); return; }
    let name = $('nhap-ten').value.trim();
    if (!/\.md$/i.test(name)) name += '.md';
    let url = '/api/nhap-docx?tep=' + q(f.name) + '&ten=' + q(name);
    if ($('nhap-nam-moi').checked) url += '&nam=' + q($('nhap-nam').value);
    $('nhap-ok').disabled = true;
    status('Đang nhập ' + f.name + '…');
    try {
      const r = await json(await call('POST', url, f));
      $('form-nhap').hidden = true;
      $('chon-docx').value = '';
      await openDoc(r.ten);
      /* what the importer recognised, and what the clerk should review */
      $('nhap-bao-chu').textContent = r.thong_bao;
      $('nhap-bao').hidden = !r.thong_bao;
      $('nhap-bao-dong').onclick = () => { $('nhap-bao').hidden = true; $('noi-dung').focus(); };
      status('Đã nhập ' + f.name + ' thành ' + r.ten + '. Hãy đọc lại văn bản.');
    } catch (err) { status(err.message); }
    $('nhap-ok').disabled = false;
  });
}

/* ---------- front matter ---------- */

/* Splits text into doc.pre, doc.fm, doc.mid and returns the body. */
function split(text) {
  const m = /^---[ \t]*\r?\n/.exec(text);
  doc.pre = ''; doc.fm = []; doc.mid = '';
  if (!m) return text;
  const rest = text.slice(m[0].length);
  const end = /^---[ \t]*(\r?\n|$)/m.exec(rest);
  if (!end) return text;
  doc.pre = m[0];
  doc.fm = rest.slice(0, end.index).split('\n');
  if (doc.fm.length && doc.fm[doc.fm.length - 1] === '') doc.fm.pop();
  doc.mid = end[0];
  return rest.slice(end.index + end[0].length);
}

/* The whole text: front matter and body. */
function compose() {
  const body = $('noi-dung').value;
  if (!doc.pre) return body;
  return doc.pre + doc.fm.map((l) => l + '\n').join('') + doc.mid + body;
}

/* Returns [start, end) of key's block in lines (its line and the indented
 * lines under it), or null. */
function block(lines, key, indent) {
  const head = new RegExp('^' + indent + key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '\\s*:');
  for (let i = 0; i < lines.length; i++) {
    if (!head.test(lines[i])) continue;
    let j = i + 1;
    while (j < lines.length && (lines[j].startsWith(indent + ' ') || lines[j].startsWith(indent + '\t') ||
      (indent === '' && lines[j].startsWith('-')) || lines[j].trim() === '')) j++;
    while (j > i + 1 && lines[j - 1].trim() === '') j--;
    return [i, j];
  }
  return null;
}

/* The text of a YAML scalar: quotes and escapes resolved, a comment after
 * it ("" # …) left out. */
function unquote(v) {
  v = v.trim();
  const dq = /^"((?:[^"\\]|\\.)*)"\s*(#.*)?$/.exec(v);
  if (dq) {
    try { return JSON.parse('"' + dq[1] + '"'); } catch (e) { return dq[1]; }
  }
  const sq = /^'((?:[^']|'')*)'\s*(#.*)?$/.exec(v);
  if (sq) return sq[1].replace(/''/g, "'");
  return v.replace(/\s+#.*$/, '');
}

/* A YAML scalar for v: plain when safe, else double-quoted. */
function quote(v) {
  if (v === '') return '""';
  if (/^[^\s\-?:,[\]{}#&*!|>'"%@`]/.test(v) && !/: |\s#|:$|\s$/.test(v) &&
    !/^(true|false|yes|no|null|~)$/i.test(v)) return v;
  return JSON.stringify(v);
}

/* Splits a flow list "[a, b]" into items. */
function flow(v) {
  return splitFlow(v.trim().slice(1, -1)).map(unquote).filter((x) => x !== '');
}

/* Splits "a: 1, b: 'x, y'" at the commas outside quotes. */
function splitFlow(inner) {
  const out = [];
  let cur = '', quoteCh = '';
  for (const ch of inner) {
    if (quoteCh) { cur += ch; if (ch === quoteCh) quoteCh = ''; continue; }
    if (ch === '"' || ch === "'") { quoteCh = ch; cur += ch; continue; }
    if (ch === ',') { if (cur.trim()) out.push(cur.trim()); cur = ''; continue; }
    cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/* Rewrites a flow mapping "ky: {a: 1, b: 2}" as a block, so that its keys
 * can be read and written one by one; the other keys keep their text. */
function blockKy() {
  const b = block(doc.fm, 'ky', '');
  if (!b) return;
  const m = /^ky\s*:\s*\{(.*)\}\s*$/.exec(doc.fm[b[0]]);
  if (!m) return;
  doc.fm.splice(b[0], 1, 'ky:', ...splitFlow(m[1]).map((p) => '  ' + p));
}

/* Returns the value of a field: a string, or an array for a list. */
function readField(key, kind) {
  let lines = doc.fm, indent = '';
  if (key.startsWith('ky.')) {
    const fl = /^ky\s*:\s*\{(.*)\}\s*$/.exec((doc.fm.find((l) => /^ky\s*:/.test(l))) || '');
    if (fl) {
      const pair = splitFlow(fl[1]).find((p) => p.split(':')[0].trim() === key.slice(3));
      return pair ? unquote(pair.slice(pair.indexOf(':') + 1)) : '';
    }
    const b = block(doc.fm, 'ky', '');
    if (!b) return kind === 'list' ? [] : '';
    lines = doc.fm.slice(b[0] + 1, b[1]);
    indent = (lines.find((l) => l.trim()) || '  ').match(/^\s*/)[0];
    key = key.slice(3);
  }
  const b = block(lines, key, indent);
  if (!b) return kind === 'list' ? [] : '';
  const first = lines[b[0]].replace(/^[^:]*:/, '');
  if (kind !== 'list') return unquote(first);
  if (first.trim().startsWith('[')) return flow(first);
  if (first.trim()) return [unquote(first)];
  return lines.slice(b[0] + 1, b[1]).filter((l) => /^\s*-\s?/.test(l))
    .map((l) => unquote(l.replace(/^\s*-\s?/, '')));
}

/* Writes a field's value back into the front matter, changing only its
 * own lines. */
function writeField(key, kind, value) {
  const lines = kind === 'list'
    ? (value.length ? [key.replace(/^ky\./, '') + ':'].concat(value.map((v) => '  - ' + quote(v)))
      : [key.replace(/^ky\./, '') + ': []'])
    : [key.replace(/^ky\./, '') + ': ' + quote(value)];
  if (!doc.pre) { doc.pre = '---\n'; doc.mid = '---\n'; doc.fm = []; }
  if (key.startsWith('ky.')) {
    blockKy();
    let b = block(doc.fm, 'ky', '');
    if (!b) {
      if (value === '') return;
      doc.fm.push('ky:');
      b = [doc.fm.length - 1, doc.fm.length];
    }
    const sub = doc.fm.slice(b[0] + 1, b[1]);
    const indent = (sub.find((l) => l.trim()) || '  ').match(/^\s*/)[0] || '  ';
    const sb = block(sub, key.slice(3), indent);
    const mine = lines.map((l) => indent + l);
    if (sb) sub.splice(sb[0], sb[1] - sb[0], ...(value === '' ? [] : mine));
    else if (value !== '') sub.push(...mine);
    doc.fm.splice(b[0] + 1, b[1] - b[0] - 1, ...sub);
    return;
  }
  const b = block(doc.fm, key, '');
  const empty = kind === 'list' ? value.length === 0 : value === '';
  if (b) doc.fm.splice(b[0], b[1] - b[0], ...lines);
  else if (!empty) doc.fm.push(...lines);
}

/* Builds the form of header fields from the front matter. */
function buildForm() {
  const form = $('form-dau');
  form.textContent = '';
  for (const [key, label, kind] of FIELDS) {
    const id = 'f-' + key.replace('.', '-');
    const lab = document.createElement('label');
    lab.htmlFor = id;
    lab.textContent = label;
    let input;
    if (kind === 'type') {
      input = document.createElement('select');
      for (const [slug, name] of TYPES) input.add(new Option(name, slug));
      input.value = readField(key, kind) || 'cong-van';
    } else if (kind === 'list') {
      input = document.createElement('textarea');
      input.value = readField(key, kind).join('\n');
    } else {
      input = document.createElement('input');
      input.value = readField(key, kind);
    }
    input.id = id;
    input.dataset.key = key;
    input.addEventListener('input', () => {
      const v = kind === 'list' ? input.value.split('\n').map((s) => s.trim()).filter((s) => s) : input.value.trim();
      writeField(key, kind, v);
      $('yaml-text').value = doc.fm.join('\n');
      changed();
    });
    form.appendChild(lab);
    form.appendChild(input);
  }
}

/* Returns the number of lines before the body in the file. */
function headLines() {
  return doc.pre ? doc.fm.length + 2 : 0;
}

/* ---------- the editor ---------- */

async function openDoc(name) {
  let d;
  try { d = await json(await call('GET', '/api/tep?ten=' + q(name))); } catch (e) { status(e.message); return; }
  doc.name = d.ten;
  doc.version = d.phien;
  doc.saved = d.noi_dung;
  doc.recoverSent = d.noi_dung;
  load(d.noi_dung);
  $('danh-sach').hidden = true;
  $('soan').hidden = false;
  $('ten-tep').textContent = d.ten;
  document.title = d.ten + ' — vanban';
  $('nhap-bao').hidden = true;
  $('khoi-phuc').hidden = d.khoi_phuc === null;
  $('dung-khoi-phuc').onclick = () => { load(d.khoi_phuc); $('khoi-phuc').hidden = true; changed(); };
  $('bo-khoi-phuc').onclick = () => { $('khoi-phuc').hidden = true; };
  pages = [];
  $('trang').textContent = '';
  status('Đã mở ' + d.ten);
  preview();
  $('noi-dung').focus();
  $('noi-dung').setSelectionRange(0, 0);
  $('noi-dung').scrollTop = 0;
}

function load(text) {
  $('noi-dung').value = split(text);
  buildForm();
  $('yaml-text').value = doc.fm.join('\n');
}

/* The front matter typed as YAML: the form follows it. */
function yamlEdited() {
  doc.fm = $('yaml-text').value.split('\n');
  if (!doc.pre) { doc.pre = '---\n'; doc.mid = '---\n'; }
  for (const [key, , kind] of FIELDS) {
    const el = $('f-' + key.replace('.', '-'));
    const v = readField(key, kind);
    el.value = kind === 'list' ? v.join('\n') : (kind === 'type' ? (v || 'cong-van') : v);
  }
  changed();
}

function dirty() { return compose() !== doc.saved; }

function changed() {
  /* the YAML view follows the form, the toolbar and attachments */
  if (document.activeElement !== $('yaml-text')) $('yaml-text').value = doc.fm.join('\n');
  status(dirty() ? 'Chưa lưu' : 'Đã lưu');
  preview();
}

async function save() {
  const text = compose();
  status('Đang lưu…');
  try {
    const r = await json(await call('POST', '/api/luu?ten=' + q(doc.name) + '&phien=' + q(doc.version), text));
    doc.version = r.phien;
    doc.saved = text;
    doc.recoverSent = text;
    status(dirty() ? 'Chưa lưu' : 'Đã lưu lúc ' + new Date().toLocaleTimeString('vi-VN'));
    return true;
  } catch (e) {
    status(e.message);
    recover(false);    /* what is typed is kept in the recovery copy */
    return false;
  }
}

/* Writes the recovery copy when the text changed since the last one. */
async function recover(keepalive) {
  if (!doc.name || $('soan').hidden) return;
  const text = compose();
  if (text === doc.recoverSent || text === doc.saved) return;
  doc.recoverSent = text;
  try {
    await call('POST', '/api/khoi-phuc?ten=' + q(doc.name), text, keepalive ? { keepalive: true } : undefined);
  } catch (e) { doc.recoverSent = ''; }
}

async function download(fmt) {
  if (dirty() && !(await save())) return;
  status('Đang tạo ' + fmt.toUpperCase() + '…');
  const resp = await call('GET', '/api/tai?ten=' + q(doc.name) + '&dang=' + fmt);
  if (!resp.ok) { try { await json(resp); } catch (e) { status(e.message); } return; }
  const blob = await resp.blob();
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = doc.name.replace(/\.md$/i, '.' + fmt);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  status('Đã tạo ' + a.download);
}

async function attach(file) {
  try {
    const r = await json(await call('POST', '/api/tai-len?ten=' + q(file.name), file));
    const guess = r.ten.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ');
    const title = (window.prompt('Tiêu đề của phụ lục (in ở đầu phụ lục):', guess) || guess).trim() || guess;
    const item = ['  - tieu_de: ' + quote(title), '    bang: ' + quote(r.ten)];
    if (!doc.pre) { doc.pre = '---\n'; doc.mid = '---\n'; }
    const b = block(doc.fm, 'phu_luc', '');
    if (b && /:\s*\[\s*\]\s*$/.test(doc.fm[b[0]])) doc.fm.splice(b[0], 1, 'phu_luc:', ...item);
    else if (b) doc.fm.splice(b[1], 0, ...item);
    else doc.fm.push('phu_luc:', ...item);
    changed();
    status('Đã thêm phụ lục từ ' + r.ten);
  } catch (e) { status(e.message); }
}

/* ---------- toolbar ---------- */

/* Replaces the selection of the textarea by fn(selected text). */
function wrapSel(before, after) {
  const t = $('noi-dung');
  const s = t.selectionStart, e = t.selectionEnd;
  const sel = t.value.slice(s, e) || 'chữ';
  t.setRangeText(before + sel + after, s, e, 'select');
  t.setSelectionRange(s + before.length, s + before.length + sel.length);
}

/* Puts prefix at the start of each selected line (replacing a heading or
 * list mark already there). */
function prefixLines(prefix) {
  const t = $('noi-dung');
  const v = t.value;
  const s = v.lastIndexOf('\n', t.selectionStart - 1) + 1;
  let e = v.indexOf('\n', t.selectionEnd);
  if (e < 0) e = v.length;
  const lines = v.slice(s, e).split('\n').map((l) => prefix + l.replace(/^(#{1,6}\s+|[-*+]\s+)/, ''));
  t.setRangeText(lines.join('\n'), s, e, 'end');
}

function insert(text) {
  const t = $('noi-dung');
  t.setRangeText(text, t.selectionStart, t.selectionEnd, 'end');
}

function footnote() {
  const t = $('noi-dung');
  let n = 1;
  for (const m of t.value.matchAll(/\[\^(\d+)\]/g)) n = Math.max(n, Number(m[1]) + 1);
  const pos = t.selectionEnd;
  t.setRangeText('[^' + n + ']', pos, pos, 'end');
  const end = t.value.replace(/\s*$/, '');
  const mark = '[^' + n + ']: ';
  t.value = end + '\n\n' + mark + 'Nội dung chú thích\n';
  const at = t.value.lastIndexOf(mark) + mark.length;
  t.setSelectionRange(at, at + 'Nội dung chú thích'.length);
}

const COMMANDS = {
  'muc': () => prefixLines('# '),
  'muc-nho': () => prefixLines('## '),
  'ds': () => prefixLines('- '),
  'bang': () => insert('\n\n| TT | Nội dung | Ghi chú |\n|---|---|---|\n| 1 |  |  |\n\n'),
  'chu-thich': footnote,
  'dam': () => wrapSel('**', '**'),
  'nghieng': () => wrapSel('*', '*'),
};

function command(name) {
  COMMANDS[name]();
  $('noi-dung').focus();
  changed();
}

/* ---------- check messages ---------- */

/* Moves the caret to line (of the whole file) and column. */
function jump(line, col, msg) {
  const head = headLines();
  /* "thiếu khóa 'dia_danh'": the field of that key */
  const named = /khóa '([a-z_]+)'/.exec(msg || '');
  if (named && $('f-' + named[1])) {
    $('phan-dau').open = true;
    $('f-' + named[1]).focus();
    return;
  }
  if (line <= head) {
    /* a header field: find the key whose block holds the line */
    const idx = line - 2;
    for (const [key] of FIELDS) {
      const top = key.startsWith('ky.') ? 'ky' : key;
      const b = block(doc.fm, top, '');
      if (b && idx >= b[0] && idx < b[1]) {
        $('phan-dau').open = true;
        const el = $('f-' + key.replace('.', '-'));
        if (!key.startsWith('ky.') || idx === b[0] || doc.fm[idx].includes(key.slice(3))) { el.focus(); return; }
      }
    }
    /* a key the form does not show: in the YAML, on its line */
    $('phan-dau').open = true;
    $('yaml').open = true;
    const y = $('yaml-text');
    const at = doc.fm.slice(0, Math.max(0, idx)).reduce((n, l) => n + l.length + 1, 0);
    y.focus();
    y.setSelectionRange(at, at);
    return;
  }
  const t = $('noi-dung');
  const lines = t.value.split('\n');
  const ln = Math.min(line - head, lines.length);
  let pos = 0;
  for (let i = 0; i < ln - 1; i++) pos += lines[i].length + 1;
  pos += Math.max(0, Math.min((col || 1) - 1, lines[ln - 1].length));
  t.focus();
  t.setSelectionRange(pos, pos);
  const lh = parseFloat(getComputedStyle(t).lineHeight) || 22;
  t.scrollTop = Math.max(0, (ln - 3) * lh);
}

function showMessages(list) {
  messages = list;
  const ol = $('loi');
  ol.textContent = '';
  const errors = list.filter((m) => m.muc === 'loi').length;
  $('so-loi').textContent = list.length === 0 ? 'Không thấy lỗi nào.'
    : errors + ' lỗi, ' + (list.length - errors) + ' cảnh báo';
  for (const m of list) {
    const li = document.createElement('li');
    li.className = m.muc;
    const b = document.createElement('button');
    b.type = 'button';
    const where = m.dong > 0 ? 'Dòng ' + m.dong + ': ' : '';
    b.textContent = (m.muc === 'loi' ? 'Lỗi — ' : 'Cảnh báo — ') + where + m.thong_bao;
    if (m.goi_y) {
      const h = document.createElement('span');
      h.className = 'hint';
      h.textContent = 'Gợi ý: ' + m.goi_y;
      b.appendChild(h);
    }
    b.addEventListener('click', () => jump(m.dong, m.cot, m.thong_bao));
    li.appendChild(b);
    ol.appendChild(li);
  }
}

/* ---------- preview ---------- */

/* Pixels per point of the page images: those of the width the preview
 * shows a page at (at most 893 CSS pixels, i.e. 1.5 per point of an A4
 * page) times the screen's pixels per CSS pixel. A page is then shown at
 * its size, never scaled: sharper, and the browser paints it as it is
 * decoded; and it costs less to draw, send and decode than a larger one. */
function scale() {
  const css = Math.min($('trang').clientWidth || 893, 893);
  const s = css * (window.devicePixelRatio || 1) / 595.28;
  return Math.min(3, Math.max(0.5, Math.floor(s * 10000) / 10000));
}

/* Asks for the preview of the current text; while one is in flight, the
 * next waits for it (so the last keystroke is always rendered). */
async function preview() {
  if (busy) { again = true; return; }
  /* the clerk went back to the list while this one waited */
  if (!doc.name) { again = false; document.body.dataset.idle = '1'; return; }
  busy = 1;
  again = false;
  document.body.dataset.idle = '0';
  const t0 = performance.now();
  const have = pages.map((p) => p.h).join(',');
  try {
    const resp = await call('POST', '/api/xem?ten=' + q(doc.name) + '&co=' + have +
      '&ty=' + (askedScale = scale()), compose());
    const r = await json(resp);
    /* a text that does not parse keeps the last pages on screen */
    if (r.trang.length > 0 || !r.dung) showPages(r.trang);
    showMessages(r.loi);
    $('dung').hidden = !r.dung;
    $('dung').textContent = r.dung || '';
    document.body.dataset.previewMs = String(Math.round(performance.now() - t0));
    document.body.dataset.workMs = JSON.stringify(r.ms || {});    /* the server's split */
    document.body.dataset.previews = String(Number(document.body.dataset.previews || 0) + 1);
  } catch (e) {
    $('dung').hidden = false;
    $('dung').textContent = e.message;
  }
  busy = 0;
  if (again) preview();
  else document.body.dataset.idle = '1';
}

/* Shows the pages: an unchanged page keeps its image, a new one gets its
 * PNG; then scrolls to the page of the caret. */
function showPages(list) {
  const box = $('trang');
  const fresh = [];
  const old = new Map(pages.map((p) => [p.h, p.img]));
  const next = [];
  const used = new Set();
  list.forEach((p, i) => {
    let img = old.get(p.h);
    if (img && used.has(img)) img = img.cloneNode();    /* two equal pages */
    if (p.png) {
      img = document.createElement('img');
      img.src = 'data:image/png;base64,' + p.png;
      img.width = p.w; img.height = p.c;
      img.style.width = (p.w / (window.devicePixelRatio || 1)) + 'px';
      fresh.push(img);
    } else if (!img) {
      return;    /* should not happen: the page said it had it */
    }
    used.add(img);
    img.alt = 'Trang ' + (i + 1);
    img.dataset.h = p.h;
    next.push({ h: p.h, img, d1: p.d1, d2: p.d2 });
    if (box.children[i] !== img) box.insertBefore(img, box.children[i] || null);
  });
  while (box.children.length > next.length) box.lastChild.remove();
  pages = next;
  box.dataset.hashes = pages.map((p) => p.h).join(',');
  document.body.dataset.sent = String(fresh.length);
  follow();
  /* when the new pages are decoded and painted (bench/serve-preview) */
  Promise.all(fresh.map((i) => i.decode().catch(() => null))).then(() =>
    requestAnimationFrame(() => { document.body.dataset.shownAt = String(performance.now()); }));
}

/* Returns the index of the page that shows the caret's line: the page
 * whose body lines span it, else the last page starting before it. */
function caretPage() {
  const t = $('noi-dung');
  const line = headLines() + t.value.slice(0, t.selectionStart).split('\n').length;
  let best = -1;
  pages.forEach((p, i) => {
    if (p.d1 > 0 && p.d1 <= line) best = i;
  });
  const exact = pages.findIndex((p) => p.d1 > 0 && p.d1 <= line && line <= p.d2);
  if (exact >= 0) return exact;
  if (best >= 0) return best;
  return 0;
}

/* Scrolls the preview to the page of the caret's line, when the caret is
 * in the body and that page is not in view. */
function follow() {
  const t = $('noi-dung');
  if (document.activeElement !== t || pages.length === 0) return;
  const i = caretPage();
  const img = pages[i].img;
  const box = document.querySelector('.preview');
  const top = i === 0 ? 0 : img.offsetTop - box.offsetTop;
  if (top + img.clientHeight < box.scrollTop + 40 || top > box.scrollTop + box.clientHeight - 40) box.scrollTop = top;
  document.body.dataset.followed = String(i + 1);
}

/* ---------- start ---------- */

function setupEditor() {
  $('noi-dung').addEventListener('input', changed);
  $('yaml-text').addEventListener('input', yamlEdited);
  $('nut-luu').addEventListener('click', save);
  $('tai-docx').addEventListener('click', () => download('docx'));
  $('tai-pdf').addEventListener('click', () => download('pdf'));
  $('ve-danh-sach').addEventListener('click', async () => {
    if (dirty() && !confirm('Văn bản chưa lưu. Lưu trước khi về danh sách?')) { await recover(); } else if (dirty()) { await save(); }
    doc.name = '';
    showList();
  });
  $('chon-bang').addEventListener('change', (e) => { if (e.target.files[0]) attach(e.target.files[0]); e.target.value = ''; });
  for (const b of document.querySelectorAll('.toolbar button')) b.addEventListener('click', () => command(b.dataset.cmd));
  document.addEventListener('keydown', (e) => {
    if (!(e.ctrlKey || e.metaKey) || $('soan').hidden) return;
    const k = e.key.toLowerCase();
    if (k === 's') { e.preventDefault(); save(); }
    else if (k === 'b' && document.activeElement === $('noi-dung')) { e.preventDefault(); command('dam'); }
    else if (k === 'i' && document.activeElement === $('noi-dung')) { e.preventDefault(); command('nghieng'); }
  });
  setInterval(() => recover(false), 2000);
  /* a wider or narrower preview (window, zoom): pages drawn at its size */
  let wait = null;
  window.addEventListener('resize', () => {
    clearTimeout(wait);
    wait = setTimeout(() => { if (doc.name && !$('soan').hidden && scale() !== askedScale) preview(); }, 200);
  });
  window.addEventListener('pagehide', () => recover(true));
  window.addEventListener('beforeunload', (e) => { if (doc.name && dirty()) { recover(true); e.preventDefault(); e.returnValue = ''; } });
}

setupList();
setupEditor();
const start = new URLSearchParams(location.search).get('tep');
if (start) openDoc(start); else showList();
