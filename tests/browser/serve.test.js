/* The page of "vanban serve" in Debian's chromium (tests/test_serve_browser.sh
 * starts the server and checks the downloaded files): open the page, make a
 * document, fill the form, type the body, see the preview change and
 * check's messages come and go, save, download DOCX and PDF, reload and
 * find the text, then kill the server mid-edit and find the recovery copy,
 * and bring in last year's plan through the import dialog.
 * Prints "ok - …" / "not ok - …"; screenshots go to $SHOTS.
 * Environment: PW (playwright-core folder), URL, TOKEN, DOCS, OUT, SHOTS,
 * SERVER_PID, IMPORT_DOCX (last year's plan as Word), README_SHOT (optional:
 * where to put the README's picture). */
'use strict';
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { chromium } = require(path.join(process.env.PW, 'node_modules', 'playwright-core'));

const { URL, TOKEN, DOCS, OUT, SHOTS } = process.env;
let fails = 0;
let serverDown = false;    /* the test has killed the server */
function ok(cond, name) {
  console.log((cond ? 'ok - ' : 'not ok - ') + name);
  if (!cond) fails++;
}
const read = (f) => { try { return fs.readFileSync(f, 'utf8'); } catch (e) { return ''; } };
const hashes = (page) => page.$eval('#trang', (e) => e.dataset.hashes || '');

/* Returns how many previews the page has received so far. */
const count = (page) => page.evaluate(() => Number(document.body.dataset.previews || 0));

/* Waits until a preview newer than mark has come back for the current
 * text (none in flight or waiting) and its pages are shown; returns the
 * pages' hashes. */
async function settled(page, mark) {
  await page.waitForFunction((m) => {
    const t = document.getElementById('trang');
    return Number(document.body.dataset.previews || 0) > m && document.body.dataset.idle === '1' &&
      [...t.querySelectorAll('img')].every((i) => i.complete);
  }, mark, { timeout: 30000 });
  return hashes(page);
}

async function main() {
  /* scrollbars that take room, as on a desktop (playwright hides them) */
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'],
    ignoreDefaultArgs: ['--hide-scrollbars'] });
  const ctx = await browser.newContext({ acceptDownloads: true, viewport: { width: 1500, height: 950 }, locale: 'vi-VN' });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => { errors.push(String(e)); console.log('# page error: ' + e); });
  /* the refused save (409) is meant; any other failed request or error is not */
  /* and so are requests that fail while the server is killed */
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 409/.test(m.text()) && !(serverDown && /ERR_CONNECTION_REFUSED/.test(m.text())))
      errors.push(m.text() + ' (' + (m.location().url || '') + ')');
  });

  await page.goto(URL + '/?ma=' + TOKEN);
  ok(page.url() === URL + '/', 'the address with the token leads to the page, token gone from the address');
  await page.waitForSelector('#bang-van-ban tbody tr');
  ok((await page.$$('#bang-van-ban tbody tr')).length === 1, 'the list shows the folder\'s document');
  ok((await page.textContent('#bang-van-ban tbody')).includes('Kế hoạch'), 'the list shows the type in Vietnamese');
  await page.screenshot({ path: path.join(SHOTS, '1-danh-sach.png') });

  /* a new document, from the keyboard */
  await page.focus('#nut-moi');
  await page.keyboard.press('Enter');
  await page.selectOption('#moi-loai', 'ke-hoach');
  await page.fill('#moi-ten', 'ke-hoach-thu');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#soan:not([hidden])');
  let h = await settled(page, 0);
  ok(fs.existsSync(path.join(DOCS, 'ke-hoach-thu.md')), 'a new document is made on disk (name completed with .md)');
  ok((await page.$$('#trang img')).length >= 1, 'the preview shows the pages of the skeleton');
  /* pages drawn at the size they are shown, so the browser never scales
   * them (sharper, cheaper); a narrower window gets narrower pages */
  const unscaled = () => page.$$eval('#trang img', (l) => l.map((i) => [i.naturalWidth,
    Math.round(i.getBoundingClientRect().width * devicePixelRatio)]));
  const sizes = await unscaled();
  ok(sizes.every(([n, w]) => n === w && n < 893), 'each page image is exactly as wide as shown (' + sizes[0] + ')');
  let mark = await count(page);
  await page.setViewportSize({ width: 1200, height: 950 });
  await settled(page, mark);
  const narrow = await unscaled();
  ok(narrow.every(([n, w]) => n === w) && narrow[0][0] < sizes[0][0],
    'a narrower window redraws the pages at the new width (' + narrow[0] + ')');
  mark = await count(page);
  await page.setViewportSize({ width: 1500, height: 950 });
  h = await settled(page, mark);
  ok(await page.inputValue('#f-co_quan') === '……', 'the form shows vanban new\'s skeleton, its blanks marked ……');
  ok(await page.inputValue('#f-ky-quyen_han') === '' && await page.inputValue('#f-so') === '',
    'an empty quoted value with a comment after it ("" # …) shows as an empty field');

  /* a field left empty: check says so, the last pages stay */
  await page.fill('#f-dia_danh', '');
  await page.waitForSelector('#loi li.loi');
  ok((await page.textContent('#loi')).includes('dia_danh'), 'an emptied field gives check\'s message at once');
  await page.locator('#loi li button', { hasText: 'dia_danh' }).first().click();
  ok(await page.evaluate(() => document.activeElement.id) === 'f-dia_danh', 'the message about a missing key jumps to its field');
  ok((await page.$$('#trang img')).length >= 1, 'a document with errors keeps the last pages on screen');

  /* the form */
  const fill = async (id, v) => { await page.fill('#' + id, v); };
  mark = await count(page);
  await fill('f-co_quan_chu_quan', 'UBND tỉnh Bắc Giang');
  await fill('f-co_quan', 'Sở Giáo dục và Đào tạo');
  await fill('f-viet_tat', 'SGDĐT');
  await fill('f-dia_danh', 'Bắc Giang');
  await fill('f-trich_yeu', 'Thử soạn văn bản trên trình duyệt');
  await fill('f-ky-chuc_vu', 'Giám đốc');
  await fill('f-ky-ho_ten', 'Nguyễn Văn An');
  await fill('f-noi_nhan', 'Như trên\nLưu: VT');
  h = await settled(page, mark);
  ok((await page.$$('#loi li.loi')).length === 0, 'once the form is filled, no error is left');

  /* the body */
  const body = page.locator('#noi-dung');
  mark = await count(page);
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nĐoạn gõ trên trình duyệt Chromium, ');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('chữ đậm');
  await page.keyboard.press('End');
  await page.keyboard.type('.\n');
  const h2 = await settled(page, mark);
  ok(h2 !== h, 'typing in the body changes the preview');
  ok(h2.split(',')[0] !== h.split(',')[0], 'the changed page is sent again');
  ok((await body.inputValue()).includes('**chữ đậm**'), 'Ctrl+B makes bold with the toolbar\'s marks');
  mark = await count(page);
  await page.click('button[data-cmd=muc]');
  ok((await body.inputValue()).split('\n').some((l) => l === '# '), 'the Mục button makes a section heading');
  await page.keyboard.type('Tổ chức thực hiện');
  h = await settled(page, mark);
  ok(await page.locator('#loi li.canh-bao').count() > 0, 'a heading with nothing under it gives a warning beside the text');
  if (process.env.README_SHOT) await page.screenshot({ path: process.env.README_SHOT });

  /* a message, its jump, and its fix */
  mark = await count(page);
  await fill('f-ngay', '2024-13-45');
  h = await settled(page, mark);
  const msg = page.locator('#loi li.loi button', { hasText: '2024-13-45' });
  ok(await msg.count() === 1, 'a wrong date gives check\'s message beside the text');
  await page.screenshot({ path: path.join(SHOTS, '2-loi.png') });
  await msg.click();
  ok(await page.evaluate(() => document.activeElement.id) === 'f-ngay', 'the message jumps to the date field');
  mark = await count(page);
  await fill('f-ngay', '2024-03-15');
  h = await settled(page, mark);
  ok(await page.locator('#loi li.loi').count() === 0, 'the fixed date clears the message');

  /* a body message jumps to its line */
  mark = await count(page);
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nXem tài liệu[^9].\n');
  h = await settled(page, mark);
  const fn = page.locator('#loi li button', { hasText: '[^9]' });
  ok(await fn.count() > 0, 'a footnote without its text gives a message about the body');
  await fn.first().click();
  const at = await page.evaluate(() => {
    const t = document.getElementById('noi-dung');
    return t.value.slice(0, t.selectionStart).split('\n').length;
  });
  const line = (await body.inputValue()).split('\n').findIndex((l) => l.includes('[^9]')) + 1;
  ok(at === line, 'the message about the body jumps to its line in the text');
  mark = await count(page);
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n[^9]: Chú thích thử.\n');
  h = await settled(page, mark);
  ok(await fn.count() === 0, 'writing the footnote\'s text clears the message');
  await page.screenshot({ path: path.join(SHOTS, '3-soan.png') });

  /* save */
  await page.keyboard.press('Control+s');
  await page.waitForFunction(() => document.getElementById('trang-thai').textContent.startsWith('Đã lưu'));
  const saved = read(path.join(DOCS, 'ke-hoach-thu.md'));
  ok(saved.includes('co_quan: Sở Giáo dục và Đào tạo') && saved.includes('Đoạn gõ trên trình duyệt'),
    'Ctrl+S saves the form and the body to the file');
  ok(/^ky:\n(  quyen_han: .*\n)?  chuc_vu: Giám đốc\n  ho_ten: Nguyễn Văn An$/m.test(saved), 'the signer is written under ky: without disturbing it');
  ok(saved.includes('noi_nhan:\n  - Như trên\n  - "Lưu: VT"') || saved.includes('noi_nhan:\n  - Như trên\n  - Lưu: VT'),
    'the recipients are a YAML list');

  /* downloads */
  for (const fmt of ['docx', 'pdf']) {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#tai-' + fmt)]);
    await dl.saveAs(path.join(OUT, 'tai.' + fmt));
    ok(dl.suggestedFilename() === 'ke-hoach-thu.' + fmt, 'the ' + fmt.toUpperCase() + ' download is named after the document');
  }

  /* reload: the text is there */
  await page.reload();
  await page.waitForSelector('#bang-van-ban tbody tr');
  const row = page.locator('#bang-van-ban tbody tr', { hasText: 'ke-hoach-thu.md' });
  ok((await row.textContent()).includes('Thử soạn văn bản trên trình duyệt'), 'after reload the list shows the new document\'s trích yếu');
  await row.focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('#soan:not([hidden])');
  ok((await body.inputValue()).includes('Đoạn gõ trên trình duyệt'), 'after reload the text is still there');
  ok(await page.inputValue('#f-trich_yeu') === 'Thử soạn văn bản trên trình duyệt', 'after reload the form shows the fields');

  /* a long document: the preview follows the caret to its page */
  const head = read(path.join(DOCS, 'ke-hoach.md')).split('\n---\n')[0] + '\n---\n';
  let long = head;
  for (let i = 1; i <= 80; i++) long += '\nĐoạn thứ ' + i + ' của văn bản dài, đủ để văn bản có nhiều trang khi in ra giấy khổ A4.\n';
  fs.writeFileSync(path.join(DOCS, 'dai.md'), long);
  await page.click('#ve-danh-sach');
  mark = await count(page);
  await page.click('#bang-van-ban tbody tr >> text=dai.md');
  await settled(page, mark);
  const n = (await page.$$('#trang img')).length;
  mark = await count(page);
  await page.$eval('#noi-dung', (t) => { const p = t.value.indexOf('Đoạn thứ 70 '); t.focus(); t.setSelectionRange(p, p); });
  await page.keyboard.type('Rất ');
  await settled(page, mark);
  const followed = await page.evaluate(() => Number(document.body.dataset.followed));
  const top = await page.$eval('.preview', (e) => e.scrollTop);
  ok(n >= 3 && followed >= n - 1 && top > 0, 'typing on paragraph 70 of 80 scrolls the preview to its page (' + followed + ' of ' + n + ')');
  mark = await count(page);
  await page.$eval('#noi-dung', (t) => { const p = t.value.indexOf('Đoạn thứ 2 '); t.focus(); t.setSelectionRange(p, p); });
  await page.keyboard.type('Rất ');
  await settled(page, mark);
  ok(await page.evaluate(() => Number(document.body.dataset.followed)) === 1 && await page.$eval('.preview', (e) => e.scrollTop) === 0,
    'typing on paragraph 2 scrolls back to page 1');
  await page.keyboard.press('Control+s');
  await page.waitForFunction(() => document.getElementById('trang-thai').textContent.startsWith('Đã lưu'));

  /* leaving the editor while a preview is on its way: the preview that was
   * waiting behind it must not be asked for a document no longer open */
  await page.$eval('#noi-dung', (t) => { const p = t.value.indexOf('Đoạn thứ 3 '); t.focus(); t.setSelectionRange(p, p); });
  page.once('dialog', (d) => d.accept());
  await page.keyboard.type('ab');
  await page.click('#ve-danh-sach');
  await page.waitForSelector('#danh-sach:not([hidden])');
  await page.waitForFunction(() => document.body.dataset.idle === '1');
  await page.waitForTimeout(300);

  /* the document that was there: a flow-style signer, one field changed,
   * a spreadsheet attached; the rest of the file must stay as it was */
  const orig = read(path.join(DOCS, 'ke-hoach.md'));
  mark = await count(page);
  await page.click('#bang-van-ban tbody tr >> text=ke-hoach.md');
  await page.waitForSelector('#soan:not([hidden])');
  await settled(page, mark);
  ok(await page.inputValue('#f-ky-chuc_vu') === 'Giám đốc', 'a signer written as {chuc_vu: …, ho_ten: …} shows in the form');
  const before = (await page.$$('#trang img')).length;
  mark = await count(page);
  await page.fill('#f-ky-ho_ten', 'Trần Thị Bình');
  fs.writeFileSync(path.join(OUT, 'nhiem-vu.csv'), 'TT,Nhiệm vụ,Đơn vị thực hiện\n1,Rà soát thủ tục hành chính,Văn phòng Sở\n');
  page.once('dialog', (dlg) => dlg.accept('Danh mục nhiệm vụ'));
  await page.setInputFiles('#chon-bang', path.join(OUT, 'nhiem-vu.csv'));
  await page.waitForFunction(() => document.getElementById('trang-thai').textContent.includes('nhiem-vu.csv'));
  await settled(page, mark);
  ok(fs.existsSync(path.join(DOCS, 'nhiem-vu.csv')), 'the attached spreadsheet is put in the folder');
  ok((await page.inputValue('#yaml-text')).includes('bang: nhiem-vu.csv'), 'the appendix shows in the front matter as YAML');
  ok((await page.$$('#trang img')).length > before, 'the attached spreadsheet is a new appendix page in the preview');
  await page.keyboard.press('Control+s');
  await page.waitForFunction(() => document.getElementById('trang-thai').textContent.startsWith('Đã lưu'));
  const want = orig.replace('ky: {chuc_vu: Giám đốc, ho_ten: Nguyễn Văn A}\n',
    'ky:\n  chuc_vu: Giám đốc\n  ho_ten: Trần Thị Bình\nphu_luc:\n  - tieu_de: Danh mục nhiệm vụ\n    bang: nhiem-vu.csv\n');
  const got = read(path.join(DOCS, 'ke-hoach.md'));
  ok(got === want, 'only the changed field and the new appendix differ from the file as it was' +
    (got === want ? '' : '\n# got:\n' + got.replace(/^/gm, '# ')));

  /* the front matter typed as YAML: the form follows */
  await page.click('#yaml summary');
  await page.fill('#yaml-text', (await page.inputValue('#yaml-text')).replace('so: 12', 'so: 13'));
  ok(await page.inputValue('#f-so') === '13', 'a key changed in the YAML view shows in the form');
  await page.keyboard.press('Control+s');
  await page.waitForFunction(() => document.getElementById('trang-thai').textContent.startsWith('Đã lưu'));
  ok(read(path.join(DOCS, 'ke-hoach.md')).includes('\nso: 13\n'), 'and is saved');

  /* a change made on disk meanwhile is not overwritten */
  fs.appendFileSync(path.join(DOCS, 'ke-hoach.md'), '\nĐoạn thêm bằng trình soạn khác.\n');
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nĐoạn gõ trên trang.');
  await page.keyboard.press('Control+s');
  await page.waitForFunction(() => document.getElementById('trang-thai').textContent.includes('nơi khác'));
  const disk = read(path.join(DOCS, 'ke-hoach.md'));
  ok(disk.includes('Đoạn thêm bằng trình soạn khác.') && !disk.includes('Đoạn gõ trên trang.'),
    'saving over a file changed on disk meanwhile is refused, the page says so, the file is kept');
  for (let i = 0; i < 50 && !read(path.join(DOCS, '.ke-hoach.md.khoi-phuc')).includes('Đoạn gõ trên trang.'); i++) await page.waitForTimeout(100);
  ok(read(path.join(DOCS, '.ke-hoach.md.khoi-phuc')).includes('Đoạn gõ trên trang.'), 'the refused text is kept in the recovery copy');

  /* kill the server mid-edit: the recovery copy has the typing */
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('Chữ chưa lưu khi máy chủ dừng.');
  const rec = path.join(DOCS, '.ke-hoach.md.khoi-phuc');
  const typedAt = Date.now();
  for (let i = 0; i < 80 && !read(rec).includes('Chữ chưa lưu khi máy chủ dừng.'); i++) await page.waitForTimeout(100);
  ok(Date.now() - typedAt < 5000, 'the recovery copy follows the typing within 5 s');
  serverDown = true;
  process.kill(Number(process.env.SERVER_PID), 'SIGKILL');
  ok(read(rec).includes('Chữ chưa lưu khi máy chủ dừng.'), 'killed mid-edit, the recovery copy has the text typed 3 s before');
  ok(!read(path.join(DOCS, 'ke-hoach.md')).includes('Chữ chưa lưu'), 'the document itself holds only what was saved');

  /* start the server again: the page offers the recovery copy */
  const again = spawn(process.env.VANBAN, ['serve', DOCS, '--cong', process.env.PORT, '--ma-tep', process.env.TOKEN_FILE],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((res) => again.stdout.on('data', (b) => { if (String(b).includes('ma=')) res(); }));
  await page.goto(URL + '/');
  await page.click('#bang-van-ban tbody tr >> text=ke-hoach.md');
  await page.waitForSelector('#khoi-phuc:not([hidden])');
  ok(true, 'reopened after the crash, the page offers the recovery copy');
  await page.screenshot({ path: path.join(SHOTS, '4-khoi-phuc.png') });
  await page.click('#dung-khoi-phuc');
  ok((await body.inputValue()).includes('Chữ chưa lưu khi máy chủ dừng.'), 'using the recovery copy brings back the text typed before the crash');
  await page.keyboard.press('Control+s');
  await page.waitForFunction(() => document.getElementById('trang-thai').textContent.startsWith('Đã lưu'));
  ok(read(path.join(DOCS, 'ke-hoach.md')).includes('Chữ chưa lưu khi máy chủ dừng.') && !fs.existsSync(rec),
    'saved, the text is in the document and the recovery copy is gone');

  /* last year's plan brought in through the dialog, as this year's draft */
  await page.click('#ve-danh-sach');
  await page.click('#nut-nhap');
  ok(await page.isVisible('#form-nhap') && await page.isChecked('#nhap-nam-moi'), 'the import button opens its dialog, "năm mới" offered');
  await page.fill('#nhap-nam', '2025');
  await page.setInputFiles('#chon-docx', process.env.IMPORT_DOCX);
  ok(await page.inputValue('#nhap-ten') === 'ke-hoach-hai-phong-2025.md', 'the new name is the old one with the new year');
  await page.screenshot({ path: path.join(SHOTS, '5-nhap.png') });
  await page.click('#nhap-ok');
  await page.waitForSelector('#soan:not([hidden])', { timeout: 60000 });
  await page.waitForFunction(() => document.getElementById('trang-thai').textContent.startsWith('Đã nhập'), null, { timeout: 60000 });
  ok((await page.inputValue('#f-trich_yeu')).includes('năm 2025'), 'the imported plan opens in the editor as the 2025 draft');
  ok(await page.isVisible('#nhap-bao') && (await page.textContent('#nhap-bao-chu')).includes('đã nhận ra'),
    'the editor shows what the importer recognised');
  await page.screenshot({ path: path.join(SHOTS, '6-da-nhap.png') });
  await page.click('#nhap-bao-dong');
  ok(read(path.join(DOCS, 'ke-hoach-hai-phong-2025.md')).includes('Hải Phòng'), 'the imported document is in the folder');
  await page.click('#ve-danh-sach');
  await page.click('#nut-nhap');
  await page.fill('#nhap-nam', '2025');
  await page.setInputFiles('#chon-docx', process.env.IMPORT_DOCX);
  await page.click('#nhap-ok');
  await page.waitForFunction(() => document.getElementById('trang-thai').textContent.includes('Đã có tệp tên này'));
  ok(await page.isVisible('#form-nhap'), 'importing again to the same name is refused with the message, the dialog stays');
  again.kill('SIGTERM');

  ok(errors.length === 0, 'no script error in the page' + (errors.length ? ': ' + errors.join(' | ') : ''));
  await browser.close();
}

main().then(() => process.exit(fails ? 1 : 0), (e) => { console.log('not ok - the browser test ran to its end: ' + e); process.exit(1); });
